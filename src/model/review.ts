import type { IsoDate } from "./dates.ts";

/** Review types, in the order the listing shows them. */
export const REVIEW_TYPES = ["CSPR", "SCR"] as const;
export type ReviewType = (typeof REVIEW_TYPES)[number];

export const REVIEW_STATUSES = ["published", "withheld", "delayed"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Kinds of document, in the order a review page lists them. */
export const DOCUMENT_KINDS = ["overview-report", "executive-summary", "learning-brief", "briefing", "action-plan", "response", "other"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** An id is a URL slug: lowercase letters and digits in words joined by single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Ids that would clash with the filter pages under /reviews/. */
export const RESERVED_IDS = ["area", "theme", "type", "year"] as const;

/**
 * The folder under `reviews/` that the editor uploads documents into (`reviews/uploads/`): a review's document
 * names a file there or in the review's own folder, and is published at /reviews/<id>/<name> either way.
 */
export const UPLOADS_FOLDER = "uploads";

/** What the build read from a PDF (plain JSON: it is kept with each build; its text goes only into the search index). */
export interface PdfFacts {
  format: "pdf";
  pages: number;
  title: string | null;
  language: string | null;
  /** Has a structure tree and `MarkInfo /Marked true`. */
  tagged: boolean;
  /** Has text that can be selected and read aloud (a scan has none). */
  hasText: boolean;
  /** Its text, up to a bound, for search. */
  text: string;
}

/** A Markdown document, published as an HTML page: its source, read once at the data edge. */
export interface MarkdownFacts {
  format: "markdown";
  source: string;
}

export type DocumentFacts = PdfFacts | MarkdownFacts;

/** A document file after validation: it exists in the review's folder or in the uploads folder; PDFs and Markdown files carry what the build read from them. */
export interface FileDocument {
  kind: DocumentKind;
  title: string;
  file: string;
  bytes: number;
  /** The file is in `reviews/uploads/` (uploaded from the editor), not in the review's own folder. */
  uploaded?: true;
  facts?: DocumentFacts;
}

/** The folder under `reviews/` that a document's file is read from: the uploads folder, or the review's own. */
export function documentFolder(id: string, doc: Pick<FileDocument, "uploaded">): string {
  return doc.uploaded ? UPLOADS_FOLDER : id;
}

/** A document after validation: a file in the review's folder, or an https link. */
export type ReviewDocument = FileDocument | { kind: DocumentKind; title: string; url: string };

/** A review after validation: every field checked, optional lists present. */
export interface Review {
  id: string;
  title: string;
  type: ReviewType;
  area: string;
  status: ReviewStatus;
  /** Absent only for a delayed review that has no date yet. */
  published?: IsoDate;
  summary?: string;
  themes: string[];
  documents: ReviewDocument[];
}
