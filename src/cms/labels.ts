import { DOCUMENT_EXTENSIONS, DOCUMENT_KIND_LABELS } from "../catalogue/documents.ts";

/** What the editor's select lists show for each value (the value saved is the code the data uses). */
export const TYPE_LABELS: Record<string, string> = {
  CSPR: "CSPR: Child Safeguarding Practice Review (stays listed)",
  SCR: "SCR: Serious Case Review (leaves the site after its retention period)",
};

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
 * The line each review shows in the editor's list. Sveltia's summary templates
 * can format a date but not add months to one, so the line gives the date
 * published and the rule; the list at `/admin/` adds the removal date itself (admin/removal-dates.js).
 */
export function removalSummary(retentionMonths: number): string {
  return `{{fields.title}} · {{fields.type}} · {{fields.area}} · published {{fields.published | default('not yet')}} · SCRs leave ${retentionMonths} months after publication`;
}
