import { documentFormat } from "../model/document-formats.ts";
import { DOCUMENT_KINDS, type DocumentFacts, type DocumentKind, type Review } from "../model/review.ts";
import { pdfShortfalls, shortfallText } from "../rules/document-accessibility.ts";
import type { DocumentView } from "./views.ts";

/** How each kind of document is named on the page. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  "overview-report": "Overview report",
  "executive-summary": "Executive summary",
  "learning-brief": "Learning brief",
  briefing: "Briefing",
  "action-plan": "Action plan",
  response: "Response",
  other: "Document",
};

/** A file size as GOV.UK writes it: `850 bytes`, `12 KB`, `1.2 MB` (1 KB = 1,024 bytes). */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** A page count as GOV.UK writes it: `1 page`, `42 pages`. */
export function pageCountLabel(pages: number): string {
  return `${pages.toLocaleString("en-GB")} ${pages === 1 ? "page" : "pages"}`;
}

type LinkedDocument = { file: string; bytes: number; facts?: DocumentFacts } | { url: string };

/**
 * Format, size and page count of a linked document, for the words after its title:
 * `PDF, 1.2 MB, 42 pages`, `HTML` (a page of this site) or `PDF, on www.gov.uk`.
 */
export function documentDetails(doc: LinkedDocument): string {
  if ("file" in doc) {
    if (doc.facts?.format === "markdown") return "HTML";
    const pages = doc.facts?.format === "pdf" ? `, ${pageCountLabel(doc.facts.pages)}` : "";
    return `${documentFormat(doc.file) ?? "File"}, ${fileSizeLabel(doc.bytes)}${pages}`;
  }
  const url = new URL(doc.url);
  const format = documentFormat(url.pathname) ?? "web page";
  return `${format}, on ${url.hostname}`;
}

/**
 * The words of a document link, which say its kind, format and size so that a
 * link read out of context still makes sense: `Overview report (PDF, 1.2 MB)`,
 * or `Learning brief: Seven minute briefing (PDF, 90 KB)` when the title adds something. A title
 * that already names the kind stays alone: `Practitioner briefing`, not `Briefing: Practitioner briefing`.
 */
export function documentLinkText(doc: { kind: DocumentKind; title: string } & LinkedDocument): string {
  const kind = DOCUMENT_KIND_LABELS[doc.kind];
  const title = doc.title.trim();
  const name = namesKind(title, kind) || doc.kind === "other" ? title : `${kind}: ${title}`;
  return `${name} (${documentDetails(doc)})`;
}

/** Whether a title has the kind's words in it, whole and in order, in any case. */
function namesKind(title: string, kind: string): boolean {
  const words = kind.toLowerCase().split(" ").join("\\s+");
  return new RegExp(`(^|[^\\p{L}])${words}($|[^\\p{L}])`, "u").test(title.toLowerCase());
}

/** A document file's site address: its name is one path segment, encoded, so `#`, `?`, `%`, spaces and non-ASCII letters survive. */
export function documentAddress(id: string, file: string): string {
  return `/reviews/${encodeURIComponent(id)}/${encodeURIComponent(file)}`;
}

/** The address of a Markdown document's HTML page: `/reviews/<id>/<name without .md>/`. */
export function htmlVersionAddress(id: string, file: string): string {
  return `/reviews/${encodeURIComponent(id)}/${encodeURIComponent(file.replace(/\.md$/i, ""))}/`;
}

/** What the accessibility audit found wrong with a PDF, as a sentence; null when nothing (or it is not a PDF). */
export function accessibilityNote(doc: Review["documents"][number]): string | null {
  if (!("file" in doc) || doc.facts?.format !== "pdf") return null;
  const shortfalls = pdfShortfalls(doc.facts);
  return shortfalls.length ? `This PDF may not work with assistive technology: it ${shortfallText(shortfalls)}.` : null;
}

/** A review's documents in the order its page lists them: by kind, then as written. */
export function sortedDocuments(review: Review): Review["documents"] {
  return [...review.documents].sort((a, b) => DOCUMENT_KINDS.indexOf(a.kind) - DOCUMENT_KINDS.indexOf(b.kind));
}

/** A document's format, size and page count, as the review feed gives them (the numbers only for a file of the site). */
function documentSize(doc: Review["documents"][number]): Pick<DocumentView, "format" | "bytes" | "pages"> {
  if ("url" in doc) return { format: documentFormat(new URL(doc.url).pathname) ?? null, bytes: null, pages: null };
  if (doc.facts?.format === "markdown") return { format: "HTML", bytes: null, pages: null };
  return { format: documentFormat(doc.file) ?? null, bytes: doc.bytes, pages: doc.facts?.format === "pdf" ? doc.facts.pages : null };
}

/** A document as a review page shows it; `position` (from 1) gives it an anchor that search results link to. */
export function documentView(review: Review, doc: Review["documents"][number], position = 1): DocumentView {
  const external = "url" in doc;
  return {
    kind: doc.kind,
    title: doc.title,
    href: external ? doc.url : doc.facts?.format === "markdown" ? htmlVersionAddress(review.id, doc.file) : documentAddress(review.id, doc.file),
    linkText: documentLinkText(doc),
    external,
    anchor: `document-${position}`,
    accessibilityNote: accessibilityNote(doc),
    ...documentSize(doc),
  };
}
