import type { CitationView } from "./citation.ts";
import type { FacetGroup, FilterPage, ReviewFacetLinks } from "./facets.ts";
import type { Paged } from "./paging.ts";
import type { IsoDate } from "../model/dates.ts";
import type { DocumentKind, ReviewStatus, ReviewType } from "../model/review.ts";
import type { Footnote } from "../rules/publication.ts";
import type { Problem } from "../model/problems.ts";
import type { SiteSettings } from "../model/site-settings.ts";

/**
 * What templates may use: every value already decided and worded, so that
 * templates only mark up. Templates never see the raw reviews.
 */
export interface Catalogue {
  buildDate: IsoDate;
  buildDateText: string;
  site: SiteSettings;
  /** How long an SCR stays, in words: "12 months", "1 month" (from `retentionMonths`). */
  retentionText: string;
  /** The finder at / without JavaScript: every listed review, newest first, a page at a time (`/`, `/page/2/`, …). */
  finderPages: FinderPageView[];
  /** Reviews a page of the finder lists, with JavaScript too. */
  finderPageSize: number;
  /** Every listed review, newest first. */
  listed: ReviewView[];
  /** The pages of each facet value (type, area, year, theme), PAGE_SIZE reviews each, with the legend of the codes each shows. */
  filterPages: FilterPageView[];
  /** The facets with their values and counts, for the finder's filters and the browse page. */
  facetGroups: FacetGroup[];
  /** The Atom feed: the most recent publications, and when it last changed. */
  feed: FeedView;
  /** SCRs past their publication period: only a notice stays at their address. */
  removed: RemovedView[];
  /** Reviews dated after the build date: nothing of them is published yet. */
  scheduled: { id: string; title: string; type: ReviewType; publishesOn: IsoDate }[];
  /** Document files of listed reviews, to copy into the output. Paths relative to the content root and to the output. */
  documentFiles: { from: string; to: string }[];
  /** Markdown documents of listed reviews, each a page of the site. */
  htmlVersions: HtmlVersionView[];
  /** The text of listed reviews' PDFs, for the search index. */
  documentRecords: DocumentSearchRecord[];
  /** Who to contact, with the phone number as a link. */
  contact: SiteSettings["contact"] & { tel: string };
  /** The content notice on review pages, with phone links ready. */
  support: SupportView;
  /** The accessibility statement, its dates worded. */
  accessibility: AccessibilityView;
  /** Things worth a maintainer's attention that do not stop the build. */
  warnings: Problem[];
  /** Only in a finder (a site built from other sites' feeds, src/catalogue/finder.ts): its sources, for /sources/. */
  finder?: FinderView;
}

/** A finder's own part: each source as /sources/ and the nightly report show it. */
export interface FinderView {
  /** The London date the harvest was made for. */
  harvestDate: IsoDate;
  sources: FinderSourceView[];
}

export interface FinderSourceView {
  id: string;
  name: string;
  feed: string;
  state: "read" | "kept" | "dropped" | "never";
  /** The state in words: "Read today", "Not read today: its last good records are kept", … */
  stateText: string;
  lastRead: IsoDate | null;
  /** "1 December 2026", or "Never". */
  lastReadText: string;
  listed: number;
  /** What went wrong, each a plain sentence naming the review and field (escaped by the template). */
  problems: string[];
  /**
   * How many reviews its feed lists that the finder leaves out by their own dates (leaving day come, not yet
   * published): a count, never their ids or titles, as no partnership's own pages or feed name a review that has left.
   */
  leftByDates: number;
}

export interface SupportView {
  heading: string;
  text: string;
  emergency: string;
  services: { name: string; for: string; phone: string; tel: string; url: string }[];
}

export interface AccessibilityView {
  compliance: "fully" | "partially" | "not";
  complianceText: string;
  preparedOnText: string;
  reviewedOnText: string;
  testedOnText: string;
  testedBy: string;
  /** What automated checks were really done, a paragraph each (src/catalogue/a11y-statement.ts); none when none can be claimed. */
  automatedChecks: string[];
  responseDays: number;
  nonCompliant: { issue: string; criteria: string; plan: string }[];
  /** The summary of known problems at the statement's top: each issue of `nonCompliant`, and the audited PDFs once. */
  knownIssues: string[];
  /** Documents of listed reviews that fail the audit, from what the build read in them. */
  documents: InaccessibleDocument[];
  /** When there are more than fit one page: the list on pages of its own, /accessibility/documents/ on (else none). */
  documentPages: Paged<InaccessibleDocument>[];
  notInScope: string[];
}

export interface FinderPageView extends Paged<ReviewView> {
  total: number;
  /** "Showing 21 to 40 of 57 reviews, newest first." */
  countText: string;
  legend: LegendEntry[];
}

export interface FilterPageView extends Omit<FilterPage<ReviewView>, "reviews" | "url">, Paged<ReviewView> {
  /** The first page's address. */
  baseUrl: string;
  total: number;
  legend: LegendEntry[];
}

export interface FootnoteView {
  key: Footnote;
  code: string;
  text: string;
  /** What a screen reader says for the marker. */
  label: string;
  /** The id of the legend entry, for links to it. */
  anchor: string;
}

export interface LegendEntry extends FootnoteView {
  reviews: { id: string; title: string; url: string }[];
}

export interface DocumentView {
  kind: DocumentKind;
  title: string;
  href: string;
  /** Kind, title, format and size: the whole text of the link. */
  linkText: string;
  external: boolean;
  /** The id of its place in the list. */
  anchor: string;
  /** What the accessibility audit found wrong with it, when anything: the page then offers an accessible format. */
  accessibilityNote: string | null;
  /** Its format as a visitor names it ("PDF", "HTML" for a page of the site), null when not known; for the review feed. */
  format: string | null;
  /** A file's size in bytes; null for a page of the site or a document elsewhere. */
  bytes: number | null;
  /** A PDF's page count; null for any other document. */
  pages: number | null;
}

/** A Markdown document published as a page of the site. */
export interface HtmlVersionView {
  url: string;
  title: string;
  review: { id: string; title: string; url: string; typeName: string };
  /** Its second-level headings, for the contents list. */
  contents: { id: string; text: string }[];
  html: string;
}

/** A listed review's PDF, as the search index holds it: its text, under the document's place on the review page. */
export interface DocumentSearchRecord {
  url: string;
  title: string;
  text: string;
  filters: Record<string, string[]>;
  /** What the finder shows beside the title (type, area, published, status); records of documents have none. */
  meta?: Record<string, string>;
  /** Pagefind's sort keys (the finder's orders); records of documents have none. */
  sort?: Record<string, string>;
  /**
   * A review's documents, indexed inside its own record so that a search gives one result per review with
   * its matching documents under it: each under its place on the review page (`anchor`), linking to `url`.
   */
  sections?: SearchSection[];
}

/** A document's text inside its review's search record. */
export interface SearchSection {
  /** The id of its place on the review page: `document-2`. */
  anchor: string;
  /** Its link text on the review page: "Overview report (PDF, 1.2 MB, 42 pages)". */
  title: string;
  /** Where a result links: its place on the review page, or its HTML version. */
  url: string;
  text: string;
}

/** A listed review's document that fails the accessibility audit, for the accessibility statement. */
export interface InaccessibleDocument {
  reviewTitle: string;
  reviewUrl: string;
  documentTitle: string;
  href: string;
  fails: string;
  criteria: string;
}

export interface ReviewView {
  id: string;
  url: string;
  title: string;
  type: ReviewType;
  typeName: string;
  area: string;
  areaLabel: string;
  status: ReviewStatus;
  statusText: string;
  published: IsoDate | null;
  publishedText: string;
  /** The date as words after a comma, lower case: "published 12 November 2024", "not yet published". */
  publishedPhrase: string;
  year: number | null;
  footnote: FootnoteView | null;
  /** The day an SCR leaves the site; null for CSPRs and undated reviews. */
  removalDate: IsoDate | null;
  removalDateText: string | null;
  summaryHtml: string;
  /** The summary as plain text on one line, for the review feed; empty when it has none. */
  summaryText: string;
  themes: string[];
  documents: DocumentView[];
  /** Links to the filter pages this review is on. */
  links: ReviewFacetLinks;
  /** Its place newest first and by title, for the finder's sort (Pagefind's sort keys). */
  rank: { newest: number; title: number };
  /** Other listed reviews that share a theme, most shared first. */
  related: { id: string; title: string; url: string; typeName: string; publishedPhrase: string; sharedThemes: string[] }[];
  /** Its description, citation tags, JSON-LD, plain citation and RIS record (src/catalogue/citation.ts). */
  citation: CitationView;
  /** Only in a finder: the partnership it came from (sources.json's id and name) and its area there. */
  source?: { id: string; name: string; area: string; areaName: string };
}

export interface FeedEntry {
  id: string;
  title: string;
  url: string;
  /** Midnight in London on the publication day, for the feed's dates. */
  date: Date;
  typeName: string;
  areaLabel: string;
  summaryHtml: string;
}

export interface FeedView {
  /** The newest entry's date; with no dated review, midnight in London on the build date. Always a Date, so the feed builds from any data. */
  updated: Date;
  entries: FeedEntry[];
}

export interface RemovedView {
  id: string;
  url: string;
  title: string;
  type: ReviewType;
  typeName: string;
  areaLabel: string;
  published: IsoDate;
  publishedText: string;
  removedOn: IsoDate;
  removedOnText: string;
}
