import { readableDate, type IsoDate } from "../model/dates.ts";
import type { ReviewStatus, ReviewType } from "../model/review.ts";
import type { SiteSettings } from "../model/site-settings.ts";
import type { AccessibilityView, Catalogue, InaccessibleDocument } from "./views.ts";
import { PAGE_SIZE, paginate } from "./paging.ts";

export const TYPE_NAMES: Record<ReviewType, string> = {
  CSPR: "Child Safeguarding Practice Review",
  SCR: "Serious Case Review",
};

export const SECTION_HEADINGS: Record<ReviewType, string> = {
  CSPR: "Child Safeguarding Practice Reviews",
  SCR: "Serious Case Reviews",
};

export const STATUS_TEXT: Record<ReviewStatus, string> = {
  published: "Published",
  withheld: "Overview report not published",
  delayed: "Publication delayed",
};

/** A count and its noun, in words: `no reviews`, `1 review`, `1,234 reviews`. */
export function countText(count: number, singular: string, plural = `${singular}s`): string {
  if (count === 0) return `no ${plural}`;
  return `${count.toLocaleString("en-GB")} ${count === 1 ? singular : plural}`;
}

/**
 * How many listed reviews share a type, area or theme with a review, that review included,
 * as its page says it after the value: `only this review`, `4 reviews`.
 */
export function facetCountText(count: number): string {
  return count === 1 ? "only this review" : countText(count, "review");
}

/** How many listed reviews were published in a review's year, that review included: `the only review published in 2022`, `5 reviews published in 2026`. */
export function yearCountText(count: number, year: number): string {
  return `${count === 1 ? "the only review" : countText(count, "review")} published in ${year}`;
}

/** A review's date as words that follow a comma: `published 12 November 2024`, `not yet published`. */
export function publishedPhrase(published: IsoDate | null): string {
  return published ? `published ${readableDate(published)}` : "not yet published";
}

/** A phone number as a `tel:` link: digits only, with a leading + kept. */
export function telHref(phone: string): string {
  return `tel:${phone.trim().startsWith("+") ? "+" : ""}${phone.replace(/\D/g, "")}`;
}

const COMPLIANCE_TEXT: Record<AccessibilityView["compliance"], string> = {
  fully: "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.",
  partially:
    "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below.",
  not: "This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA standard. The non-compliances are listed below.",
};

/** Where the documents the audit found wanting are listed, when there are too many for the statement itself. */
export const ACCESSIBILITY_DOCUMENTS_URL = "/accessibility/documents/";

/** What the audit's list adds to the statement's summary of known problems, when the partnership has not named PDFs itself. */
export const AUDITED_PDFS_ISSUE = "some of our PDF documents are not fully accessible to screen reader software (they are listed below)";

/**
 * The statement's summary of known problems: the partnership's own, then the PDFs the audit
 * found, unless one of the partnership's already speaks of PDFs (else the summary says it twice).
 */
function knownIssues(issues: readonly string[], documents: readonly InaccessibleDocument[]): string[] {
  const namesPdfs = issues.some((issue) => /\bPDFs?\b/i.test(issue));
  return documents.length && !namesPdfs ? [...issues, AUDITED_PDFS_ISSUE] : [...issues];
}

/** The accessibility statement: the hand-written parts from site.json, and the documents the audit found wanting. */
export function accessibilityView(site: SiteSettings, documents: InaccessibleDocument[] = [], automatedChecks: string[] = []): AccessibilityView {
  const a = site.accessibility;
  return {
    compliance: a.compliance,
    complianceText: COMPLIANCE_TEXT[a.compliance],
    preparedOnText: readableDate(a.preparedOn),
    reviewedOnText: readableDate(a.reviewedOn),
    testedOnText: readableDate(a.testedOn),
    testedBy: a.testedBy,
    automatedChecks,
    responseDays: a.responseDays,
    nonCompliant: a.nonCompliant,
    knownIssues: knownIssues(
      a.nonCompliant.map((item) => item.issue),
      documents,
    ),
    documents,
    // A national-scale site may have thousands: listed on pages of their own, so that every page stays small.
    documentPages: documents.length > PAGE_SIZE ? paginate(documents, ACCESSIBILITY_DOCUMENTS_URL) : [],
    notInScope: a.notInScope,
  };
}

/** Contact and support details with their phone numbers as links. */
export function contactViews(site: SiteSettings): Pick<Catalogue, "contact" | "support"> {
  return {
    contact: { ...site.contact, tel: telHref(site.contact.phone) },
    support: { ...site.support, services: site.support.services.map((service) => ({ ...service, tel: telHref(service.phone) })) },
  };
}
