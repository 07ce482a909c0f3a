import { createHash } from "node:crypto";
import { resolveBuildDate } from "../rules/build-date.ts";
import { DateTime } from "luxon";
import { readableDate, yearOf, ZONE, type IsoDate } from "../model/dates.ts";
import { documentLinkText } from "./documents.ts";
import { readTextFile } from "../content/json-source.ts";
import { INPUT_ENV, readBuildInput, readBuildInputFile } from "../content/build-input.ts";
import { createSummaryRenderer } from "./markdown.ts";
import { paginate, type Paged } from "./paging.ts";
import { contentPaths, REVIEWS_FILE, type ContentPaths } from "../content/paths.ts";
import type { Problem } from "../content/problems.ts";
import { buildFacets, facetLinks, type FacetGroup, type FilterPage } from "./facets.ts";
import { absoluteUrl } from "./open-data.ts";
import { applyPublicationRules, legendOrder, type Footnote } from "../rules/publication.ts";
import { DOCUMENT_KINDS, REVIEW_TYPES, type DocumentKind, type ReviewStatus, type ReviewType } from "../content/review-schema.ts";
import { SITE_FILE, type SiteSettings } from "../content/site-settings.ts";
import type { Review } from "../content/validate.ts";

/**
 * What templates may use: every value already decided and worded, so that
 * templates only mark up. Templates never see the raw reviews.
 */
export interface Catalogue {
  buildDate: IsoDate;
  buildDateText: string;
  site: SiteSettings;
  /** Listed reviews, one section per type (CSPRs, then SCRs), newest first. */
  sections: SectionView[];
  /** Every listed review, newest first. */
  listed: ReviewView[];
  /** The pages of each facet value (type, area, year, theme), PAGE_SIZE reviews each, with the legend of the codes each shows. */
  filterPages: FilterPageView[];
  /** True when the list at / holds every listed review; false when it shows the newest of each type and links to the rest. */
  listingComplete: boolean;
  /** The facets with their values and counts, for the list's filters and the browse page. */
  facetGroups: FacetGroup[];
  /** The Atom feed: the most recent publications, and when it last changed. */
  feed: FeedView;
  /** SCRs past their publication period: only a notice stays at their address. */
  removed: RemovedView[];
  /** The notice each listed SCR will get on its removal date, made in advance for a withdrawal in place (kept with the build, never served). */
  upcomingNotices: RemovedView[];
  /** Reviews dated after the build date: nothing of them is published yet. */
  scheduled: { id: string; title: string; type: ReviewType; publishesOn: IsoDate }[];
  /** The footnotes the listed reviews use, in code order, each with the reviews that carry it. */
  legend: LegendEntry[];
  /** Document files of listed reviews, to copy into the output. Paths relative to the content root and to the output. */
  documentFiles: { from: string; to: string }[];
  /** Who to contact, with the phone number as a link. */
  contact: SiteSettings["contact"] & { tel: string };
  /** The content notice on review pages, with phone links ready. */
  support: SupportView;
  /** The accessibility statement, its dates worded. */
  accessibility: AccessibilityView;
  /** Things worth a maintainer's attention that do not stop the build. */
  warnings: Problem[];
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
  responseDays: number;
  nonCompliant: { issue: string; criteria: string; plan: string }[];
  notInScope: string[];
}

export interface SectionView {
  type: ReviewType;
  heading: string;
  anchor: string;
  /** The reviews the list at / shows: all of them, or the newest when there are too many for one page. */
  reviews: ReviewView[];
  total: number;
  /** The first page of all of this type, when the list at / does not show them all. */
  moreUrl: string | null;
}

export interface FilterPageView extends Omit<FilterPage<ReviewView>, "reviews" | "url">, Paged<ReviewView> {
  /** The first page's address. */
  baseUrl: string;
  total: number;
  legend: LegendEntry[];
}

/** The list at / shows every review up to this many; beyond it, the newest LISTING_PREVIEW of each type. */
export const LISTING_LIMIT = 100;
export const LISTING_PREVIEW = 25;

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
  year: number | null;
  footnote: FootnoteView | null;
  /** The day an SCR leaves the site; null for CSPRs and undated reviews. */
  removalDate: IsoDate | null;
  removalDateText: string | null;
  summaryHtml: string;
  themes: string[];
  documents: DocumentView[];
  /** Links to the filter pages this review is on. */
  links: ReturnType<typeof facetLinks>;
  /** Other listed reviews that share a theme, most shared first. */
  related: { id: string; title: string; url: string; typeName: string; publishedText: string; sharedThemes: string[] }[];
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

/** How many entries the feed carries, and how many related reviews a page shows. */
const FEED_SIZE = 20;
const RELATED_SIZE = 5;

/** Midnight in London at the start of `date`. */
function londonMidnight(date: IsoDate): Date {
  return DateTime.fromISO(date, { zone: ZONE }).toJSDate();
}

/** The feed: the newest FEED_SIZE dated reviews (`listed` is newest first). */
function feedView(listed: readonly ReviewView[], site: SiteSettings, buildDate: IsoDate): FeedView {
  const entries = listed
    .filter((review) => review.published)
    .slice(0, FEED_SIZE)
    .map((review) => ({
      id: absoluteUrl(site.url, review.url),
      title: review.title,
      url: absoluteUrl(site.url, review.url),
      date: londonMidnight(review.published!),
      typeName: review.typeName,
      areaLabel: review.areaLabel,
      summaryHtml: review.summaryHtml,
    }));
  return { updated: entries[0]?.date ?? londonMidnight(buildDate), entries };
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

export const TYPE_NAMES: Record<ReviewType, string> = {
  CSPR: "Child Safeguarding Practice Review",
  SCR: "Serious Case Review",
};

const SECTION_HEADINGS: Record<ReviewType, string> = {
  CSPR: "Child Safeguarding Practice Reviews",
  SCR: "Serious Case Reviews",
};

const STATUS_TEXT: Record<ReviewStatus, string> = {
  published: "Published",
  withheld: "Overview report not published",
  delayed: "Publication delayed",
};

/** Newest first; reviews with no date yet (delayed) before all dated ones; then by title and id, so the order never depends on the file's order. */
export function compareNewestFirst(a: Review, b: Review): number {
  if (a.published !== b.published) {
    if (a.published === undefined) return -1;
    if (b.published === undefined) return 1;
    return a.published < b.published ? 1 : -1;
  }
  return a.title.localeCompare(b.title, "en-GB", { numeric: true }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A phone number as a `tel:` link: digits only, with a leading + kept. */
export function telHref(phone: string): string {
  return `tel:${phone.trim().startsWith("+") ? "+" : ""}${phone.replace(/\D/g, "")}`;
}

const COMPLIANCE_TEXT: Record<AccessibilityView["compliance"], string> = {
  fully: "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.",
  partially: "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below.",
  not: "This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA standard. The non-compliances are listed below.",
};

function accessibilityView(site: SiteSettings): AccessibilityView {
  const a = site.accessibility;
  return {
    compliance: a.compliance,
    complianceText: COMPLIANCE_TEXT[a.compliance],
    preparedOnText: readableDate(a.preparedOn),
    reviewedOnText: readableDate(a.reviewedOn),
    testedOnText: readableDate(a.testedOn),
    testedBy: a.testedBy,
    responseDays: a.responseDays,
    nonCompliant: a.nonCompliant,
    notInScope: a.notInScope,
  };
}

/** The legend for a list of reviews: the codes they use, in code order, each with the reviews that carry it. */
function legendFor(reviews: readonly ReviewView[], site: SiteSettings): LegendEntry[] {
  return legendOrder(reviews.map((review) => review.footnote?.key)).map((key) => ({
    ...footnoteView(key, site),
    reviews: reviews.filter((review) => review.footnote?.key === key).map(({ id, title, url }) => ({ id, title, url })),
  }));
}

function footnoteView(key: Footnote, site: SiteSettings): FootnoteView {
  const { code, text, label } = site.footnotes[key];
  return { key, code, text, label, anchor: `footnote-${key}` };
}

/** A document file's site address: its name is one path segment, encoded, so `#`, `?`, `%`, spaces and non-ASCII letters survive. */
export function documentAddress(id: string, file: string): string {
  return `/reviews/${encodeURIComponent(id)}/${encodeURIComponent(file)}`;
}

function documentView(review: Review, doc: Review["documents"][number]): DocumentView {
  const external = "url" in doc;
  return {
    kind: doc.kind,
    title: doc.title,
    href: external ? doc.url : documentAddress(review.id, doc.file),
    linkText: documentLinkText(doc),
    external,
  };
}

/**
 * Fill in each review's related reviews: others sharing a theme, most themes
 * shared first, then newest. Each theme's list is scanned only so far, so that
 * a theme on thousands of reviews does not make this quadratic.
 */
function addRelated(listed: ReviewView[]): void {
  const byTheme = new Map<string, ReviewView[]>();
  for (const review of listed) for (const link of review.links.themes) (byTheme.get(link.key) ?? byTheme.set(link.key, []).get(link.key)!).push(review);
  const position = new Map(listed.map((review, i) => [review, i]));
  for (const review of listed) {
    const shared = new Map<ReviewView, string[]>();
    for (const link of review.links.themes) {
      let scanned = 0;
      for (const other of byTheme.get(link.key)!) {
        if (other === review) continue;
        (shared.get(other) ?? shared.set(other, []).get(other)!).push(link.label);
        if (++scanned >= 50) break;
      }
    }
    review.related = [...shared.entries()]
      .sort(([a, x], [b, y]) => y.length - x.length || position.get(a)! - position.get(b)!)
      .slice(0, RELATED_SIZE)
      .map(([other, themes]) => ({ id: other.id, title: other.title, url: other.url, typeName: other.typeName, publishedText: other.publishedText, sharedThemes: themes }));
  }
}

/**
 * Turn validated reviews into the catalogue at `buildDate`. Pure apart from
 * markdown rendering: tests call it with any reviews and settings.
 */
export function buildCatalogue(reviews: readonly Review[], site: SiteSettings, buildDate: IsoDate, warnings: Problem[] = []): Catalogue {
  const publication = applyPublicationRules([...reviews].sort(compareNewestFirst), buildDate, site);
  const render = createSummaryRenderer();
  const listed = publication.listed.map(({ review, footnote, removalDate }): ReviewView => {
    const base = {
      type: review.type,
      typeName: TYPE_NAMES[review.type],
      area: review.area,
      areaLabel: site.areas[review.area]!,
      year: review.published ? yearOf(review.published) : null,
      themes: review.themes,
    };
    return {
      ...base,
      id: review.id,
      url: `/reviews/${review.id}/`,
      title: review.title,
      status: review.status,
      statusText: STATUS_TEXT[review.status],
      published: review.published ?? null,
      publishedText: review.published ? readableDate(review.published) : "Not yet published",
      footnote: footnote ? footnoteView(footnote, site) : null,
      removalDate: removalDate ?? null,
      removalDateText: removalDate ? readableDate(removalDate) : null,
      summaryHtml: review.summary ? render(review.summary) : "",
      documents: [...review.documents]
        .sort((a, b) => DOCUMENT_KINDS.indexOf(a.kind) - DOCUMENT_KINDS.indexOf(b.kind))
        .map((doc) => documentView(review, doc)),
      links: facetLinks(base),
      related: [],
    };
  });
  addRelated(listed);
  const facets = buildFacets(listed, site);
  const counts = new Map(facets.pages.map((page) => [page.url, page.reviews.length]));
  for (const review of listed) {
    const { type, area, year, themes } = review.links;
    for (const link of [type, area, year, ...themes]) if (link) link.count = counts.get(link.url)!;
  }
  const removedView = (review: Review, removedOn: IsoDate): RemovedView => ({
    id: review.id,
    url: `/reviews/${review.id}/`,
    title: review.title,
    type: review.type,
    typeName: TYPE_NAMES[review.type],
    areaLabel: site.areas[review.area]!,
    published: review.published!,
    publishedText: readableDate(review.published!),
    removedOn,
    removedOnText: readableDate(removedOn),
  });
  const removed = publication.removed.map(({ review, removedOn }) => removedView(review, removedOn));
  const listedReviews = publication.listed.map((entry) => entry.review);
  const listingComplete = listed.length <= LISTING_LIMIT;
  // The reviews the list at / shows, for its legend.
  const listedOnFront = new Set(REVIEW_TYPES.flatMap((type) => listed.filter((review) => review.type === type).slice(0, listingComplete ? undefined : LISTING_PREVIEW)));
  return {
    buildDate,
    buildDateText: readableDate(buildDate),
    site,
    sections: REVIEW_TYPES.map((type) => {
      const all = listed.filter((review) => review.type === type);
      return {
        type,
        heading: SECTION_HEADINGS[type],
        anchor: type.toLowerCase(),
        reviews: listingComplete ? all : all.slice(0, LISTING_PREVIEW),
        total: all.length,
        moreUrl: listingComplete ? null : `/reviews/type/${type.toLowerCase()}/`,
      };
    }),
    listed,
    filterPages: facets.pages.flatMap(({ reviews, url, ...facet }) =>
      paginate(reviews, url).map((paged) => ({ ...facet, ...paged, baseUrl: url, total: reviews.length, legend: legendFor(paged.items, site) })),
    ),
    listingComplete,
    facetGroups: facets.groups,
    feed: feedView(listed, site, buildDate),
    removed,
    upcomingNotices: publication.listed.flatMap(({ review, removalDate }) => (removalDate ? [removedView(review, removalDate)] : [])),
    scheduled: publication.scheduled.map(({ review, publishesOn }) => ({ id: review.id, title: review.title, type: review.type, publishesOn })),
    legend: legendFor(listed.filter((review) => listedOnFront.has(review)), site),
    documentFiles: listedReviews.flatMap((review) =>
      review.documents.flatMap((doc) => ("file" in doc ? [{ from: `reviews/${review.id}/${doc.file}`, to: `reviews/${review.id}/${doc.file}` }] : [])),
    ),
    contact: { ...site.contact, tel: telHref(site.contact.phone) },
    support: { ...site.support, services: site.support.services.map((service) => ({ ...service, tel: telHref(service.phone) })) },
    accessibility: accessibilityView(site),
    warnings,
  };
}

export interface LoadOptions {
  paths?: ContentPaths;
  /** The date to apply the rules at; default: resolved from the environment (BUILD_DATE, SOURCE_DATE_EPOCH, the clock). */
  buildDate?: IsoDate;
  /** Called with the warnings when the catalogue is computed (not when it comes from the cache). */
  onWarnings?: (warnings: Problem[]) => void;
}

let cache: { key: string; catalogue: Catalogue } | undefined;

/**
 * The catalogue for this process. In a build, the build script hands Eleventy's
 * process the data it validated, with its build date, in a file (`LEARNING_REVIEWS_INPUT`),
 * so that both use one date and one reading of the data; otherwise (`npm start`,
 * `npm run validate`) the content is read, checked and published at the build date.
 * Throws a DataError listing every problem, or a BuildDateError.
 */
export function loadCatalogue(options: LoadOptions = {}): Catalogue {
  const inputFile = process.env[INPUT_ENV];
  if (inputFile && !options.paths) {
    if (cache?.key === `file:${inputFile}`) return cache.catalogue;
    const input = readBuildInputFile(inputFile);
    const catalogue = buildCatalogue(input.reviews, input.site, input.buildDate, input.warnings);
    cache = { key: `file:${inputFile}`, catalogue };
    return catalogue;
  }
  const paths = options.paths ?? contentPaths();
  const buildDate = options.buildDate ?? resolveBuildDate(process.env);
  // The files' text and the date are the cache key, so npm start rebuilds when the data changes.
  const key = createHash("sha256")
    .update(`${paths.root}\0${buildDate}\0${readTextFile(paths.siteFile, SITE_FILE).text ?? ""}\0${readTextFile(paths.reviewsFile, REVIEWS_FILE).text ?? ""}`)
    .digest("hex");
  if (cache?.key === key) return cache.catalogue;
  const input = readBuildInput(paths, buildDate);
  const catalogue = buildCatalogue(input.reviews, input.site, buildDate, input.warnings);
  cache = { key, catalogue };
  options.onWarnings?.(input.warnings);
  return catalogue;
}
