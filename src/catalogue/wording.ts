import { readableDate } from "../model/dates.ts";
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
