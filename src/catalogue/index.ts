import { monthsText, readableDate, yearOf, type IsoDate } from "../model/dates.ts";
import { documentFolder, type Review } from "../model/review.ts";
import { applyPublicationRules } from "../rules/publication.ts";
import type { Problem } from "../model/problems.ts";
import type { SiteSettings } from "../model/site-settings.ts";
import type { AccessibilityChecks } from "../content/build-input.ts";
import { documentView, sortedDocuments } from "./documents.ts";
import { documentPages } from "./document-pages.ts";
import { buildFacets, facetLinks, countLinks } from "./facets.ts";
import { feedView } from "./feed.ts";
import { addSortRanks, FINDER_PAGE_SIZE, finderPages } from "./front-page.ts";
import { footnoteView, legendFor } from "./legend.ts";
import type { LinkSite } from "./links.ts";
import { createSummaryRenderer } from "./markdown.ts";
import { paginate } from "./paging.ts";
import { addRelated } from "./related.ts";
import type { Catalogue, RemovedView, ReviewView } from "./views.ts";
import { accessibilityView, contactViews, publishedPhrase, STATUS_TEXT, TYPE_NAMES } from "./wording.ts";
import { compareTitles } from "./title-order.ts";
import { automatedChecksText } from "./a11y-statement.ts";
import { citationView, plainText } from "./citation.ts";

export type * from "./views.ts";

/** Newest first; reviews with no date yet (delayed) before all dated ones; then by title and id, so the order never depends on the file's order. */
export function compareNewestFirst(a: Review, b: Review): number {
  if (a.published !== b.published) {
    if (a.published === undefined) return -1;
    if (b.published === undefined) return 1;
    return a.published < b.published ? 1 : -1;
  }
  return compareTitles(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function removedView(review: Review, removedOn: IsoDate, site: SiteSettings): RemovedView {
  return {
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
  };
}

/**
 * Turn validated reviews into the catalogue at `buildDate`: what templates may
 * use, every value decided and worded. Pure apart from markdown rendering:
 * tests call it with any reviews and settings.
 */
export function buildCatalogue(
  reviews: readonly Review[],
  site: SiteSettings,
  buildDate: IsoDate,
  warnings: Problem[] = [],
  checks?: AccessibilityChecks,
): Catalogue {
  const publication = applyPublicationRules([...reviews].sort(compareNewestFirst), buildDate, site);
  const listedIds = new Set(publication.listed.map(({ review }) => review.id));
  const listed = publication.listed.map(({ review, footnote, removalDate }): ReviewView => {
    const base = {
      type: review.type,
      typeName: TYPE_NAMES[review.type],
      area: review.area,
      areaLabel: site.areas[review.area]!,
      year: review.published ? yearOf(review.published) : null,
      themes: review.themes,
    };
    const view: Omit<ReviewView, "citation"> = {
      ...base,
      id: review.id,
      url: `/reviews/${review.id}/`,
      title: review.title,
      status: review.status,
      statusText: STATUS_TEXT[review.status],
      published: review.published ?? null,
      publishedText: review.published ? readableDate(review.published) : "Not yet published",
      publishedPhrase: publishedPhrase(review.published ?? null),
      footnote: footnote ? footnoteView(footnote, site) : null,
      removalDate: removalDate ?? null,
      removalDateText: removalDate ? readableDate(removalDate) : null,
      summaryHtml: "", // below, once the filter pages are known
      summaryText: review.summary ? plainText(review.summary) : "",
      documents: sortedDocuments(review).map((doc, d) => documentView(review, doc, d + 1)),
      links: facetLinks(base),
      rank: { newest: 0, title: 0 },
      related: [],
    };
    return { ...view, citation: citationView(view, review.summary, site, buildDate) };
  });
  addRelated(listed);
  addSortRanks(listed);
  const facets = buildFacets(listed, site);
  countLinks(listed, facets.pages);
  const filterPages = facets.pages.flatMap(({ reviews: pageReviews, url, ...facet }) =>
    paginate(pageReviews, url).map((paged) => ({ ...facet, ...paged, baseUrl: url, total: pageReviews.length, legend: legendFor(paged.items, site) })),
  );
  // Links in maintainers' Markdown to a review or a filter page that this build does not make keep only their text.
  const filterUrls = new Set(filterPages.map((page) => page.url));
  const links: LinkSite = { siteUrl: site.url, isListed: (id) => listedIds.has(id), isFilterPage: (address) => filterUrls.has(address) };
  const render = createSummaryRenderer(links);
  const summaries = new Map(publication.listed.map(({ review }) => [review.id, review.summary]));
  publication.listed.forEach(({ review }, i) => {
    if (review.summary) listed[i]!.summaryHtml = render(review.summary, listed[i]!.url);
  });
  const pages = documentPages(
    publication.listed.map(({ review }) => review),
    listed,
    links,
  );
  return {
    buildDate,
    buildDateText: readableDate(buildDate),
    site,
    retentionText: monthsText(site.retentionMonths),
    finderPages: finderPages(listed, site),
    finderPageSize: FINDER_PAGE_SIZE,
    listed,
    filterPages,
    facetGroups: facets.groups,
    feed: feedView(listed, site, buildDate, (view) => {
      const markdown = summaries.get(view.id);
      return markdown ? render(markdown, view.url, { inFull: true }) : "";
    }),
    removed: publication.removed.map(({ review, removedOn }) => removedView(review, removedOn, site)),
    scheduled: publication.scheduled.map(({ review, publishesOn }) => ({ id: review.id, title: review.title, type: review.type, publishesOn })),
    documentFiles: publication.listed.flatMap(({ review }) =>
      review.documents.flatMap((doc) =>
        "file" in doc && doc.facts?.format !== "markdown"
          ? [{ from: `reviews/${documentFolder(review.id, doc)}/${doc.file}`, to: `reviews/${review.id}/${doc.file}` }]
          : [],
      ),
    ),
    htmlVersions: pages.htmlVersions,
    documentRecords: pages.records,
    ...contactViews(site),
    accessibility: accessibilityView(site, pages.inaccessible, automatedChecksText(checks, buildDate)),
    warnings,
  };
}
