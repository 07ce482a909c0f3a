import { DOCUMENT_KIND_LABELS } from "../catalogue/documents.ts";
import { DOCUMENT_EXTENSIONS } from "../model/document-formats.ts";
import { monthsText } from "../model/dates.ts";
import { LEAVES_KEY } from "./editor-rules.ts";

/** What the editor's select lists show for each value (the value saved is the code the data uses). */
export function typeLabels(retentionMonths: number): Record<string, string> {
  return { CSPR: "CSPR: stays listed", SCR: `SCR: leaves the site ${monthsText(retentionMonths)} after the date published` };
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

/** How a document's file gets onto the site, said under its File field in the form. */
export const UPLOAD_HINT = `Upload the document here (${DOCUMENT_EXTENSIONS.map((ext) => `.${ext}`).join(", ")}): it is saved with the review, in reviews/uploads/, and published at /reviews/(id)/(its name) while the review is listed. Give a file or a web address, not both.`;

/**
 * The line each review shows in the editor's list, short enough to be read
 * whole: its title, how long it stays (for an SCR the day it leaves the site,
 * worked out by the build's own rule when the editor opens the file:
 * src/cms/editor-rules.ts), and its date published.
 */
export const REVIEW_SUMMARY = `{{fields.title}} · {{fields.${LEAVES_KEY} | default('new, not saved yet')}} · published {{fields.published | default('not yet')}}`;
