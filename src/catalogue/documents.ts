import type { DocumentKind, Review } from "../model/review.ts";
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

/** File types this site publishes, with the name a visitor recognises (as GOV.UK names attachments). */
const FORMATS: Record<string, string> = {
  pdf: "PDF",
  docx: "Word document",
  doc: "Word document",
  odt: "OpenDocument text",
  rtf: "Rich Text Format",
  xlsx: "Excel spreadsheet",
  csv: "CSV",
  pptx: "PowerPoint presentation",
  txt: "Plain text",
};

/** The file name endings a document may have. */
export const DOCUMENT_EXTENSIONS = Object.keys(FORMATS);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** The format of a file from its name (`"PDF"`), or undefined for a type the site does not publish. */
export function documentFormat(fileName: string): string | undefined {
  return FORMATS[extensionOf(fileName)];
}

/** A file size as GOV.UK writes it: `850 bytes`, `12 KB`, `1.2 MB` (1 KB = 1,024 bytes). */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** Format and size of a linked document, for the words after its title: `PDF, 1.2 MB` or `PDF, on www.gov.uk`. */
export function documentDetails(doc: { file: string; bytes: number } | { url: string }): string {
  if ("file" in doc) return `${documentFormat(doc.file) ?? "File"}, ${fileSizeLabel(doc.bytes)}`;
  const url = new URL(doc.url);
  const format = documentFormat(url.pathname) ?? "web page";
  return `${format}, on ${url.hostname}`;
}

/**
 * The words of a document link, which say its kind, format and size so that a
 * link read out of context still makes sense: `Overview report (PDF, 1.2 MB)`,
 * or `Learning brief: Seven minute briefing (PDF, 90 KB)` when the title adds something.
 */
export function documentLinkText(doc: { kind: DocumentKind; title: string } & ({ file: string; bytes: number } | { url: string })): string {
  const kind = DOCUMENT_KIND_LABELS[doc.kind];
  const title = doc.title.trim();
  const name = title.toLowerCase() === kind.toLowerCase() || doc.kind === "other" ? title : `${kind}: ${title}`;
  return `${name} (${documentDetails(doc)})`;
}

/** A document file's site address: its name is one path segment, encoded, so `#`, `?`, `%`, spaces and non-ASCII letters survive. */
export function documentAddress(id: string, file: string): string {
  return `/reviews/${encodeURIComponent(id)}/${encodeURIComponent(file)}`;
}

/** A document as a review page shows it. */
export function documentView(review: Review, doc: Review["documents"][number]): DocumentView {
  const external = "url" in doc;
  return {
    kind: doc.kind,
    title: doc.title,
    href: external ? doc.url : documentAddress(review.id, doc.file),
    linkText: documentLinkText(doc),
    external,
  };
}
