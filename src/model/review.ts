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

/** A document after validation: a file that exists in the review's folder (with its size), or an https link. */
export type ReviewDocument = { kind: DocumentKind; title: string; file: string; bytes: number } | { kind: DocumentKind; title: string; url: string };

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
