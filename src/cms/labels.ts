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

/**
 * Hints in the officer's words where the schema's own (written for the file and its JSON Schema) would quote
 * JSON, a file's path or a date format: by field name.
 */
export const FORM_HINTS: Record<string, string> = {
  area: "The area the review covers.",
  published:
    "The day it was published, as the site writes it: day month year, e.g. 20 November 2026 (20/11/2026 is read the same). Leave it empty only while publication is delayed.",
  summary: "A short summary, in plain sentences; leave an empty line between paragraphs. No HTML.",
  themes: 'Short themes, one in each box, e.g. "neglect" and "domestic abuse".',
};

/** What the editor says before a review is removed from the list, and what then happens. */
export function removeQuestion(title: string): string {
  return (
    `Remove "${title}" from the list of case reviews?\n\n` +
    "Nothing changes on the site until you save. Once you save, its page and its documents leave the public site at the next nightly build (02:00 UTC). " +
    "An SCR whose time on the site is up needs no removing: the site drops it on the day."
  );
}
