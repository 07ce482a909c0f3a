import { DOCUMENT_EXTENSIONS, DOCUMENT_KIND_LABELS } from "../catalogue/documents.ts";

/** What the editor's select lists show for each value (the value saved is the code the data uses). */
export function typeLabels(retentionMonths: number): Record<string, string> {
  return { CSPR: "CSPR: stays listed", SCR: `SCR: leaves the site ${retentionMonths} months after the date published` };
}

export const STATUS_LABELS: Record<string, string> = {
  published: "Published",
  withheld: "Withheld: overview report not published (footnote *)",
  delayed: "Delayed: publication delayed by parallel proceedings (footnote **)",
};

/** Kinds of document as a review page names them ("Other" rather than the page's "Document"). */
export function documentKindLabels(): Record<string, string> {
  return { ...DOCUMENT_KIND_LABELS, other: "Other" };
}

/** File types a document may be, as the upload dialog's `accept` list: the build's own list. */
export const DOCUMENT_FILE_TYPES = DOCUMENT_EXTENSIONS.map((ext) => `.${ext}`).join(",");

/**
 * The line each review shows in the editor's list: its title, date published
 * and type, whose label for an SCR says when it leaves. Sveltia's summary
 * templates can format a date but not add months to one, so the removal date
 * itself is not shown; the nightly report lists the SCRs leaving in the next 30 days.
 */
export const REVIEW_SUMMARY = "{{fields.title}} · published {{fields.published | default('not yet')}} · {{fields.type}}";
