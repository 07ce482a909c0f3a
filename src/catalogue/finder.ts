import { monthsText, readableDate, type IsoDate } from "../model/dates.ts";
import { formatProblem } from "../model/problems.ts";
import type { SiteSettings } from "../model/site-settings.ts";
import type { Harvest, SourceReport } from "../sources/harvest.ts";
import type { AccessibilityChecks } from "../content/build-input.ts";
import { automatedChecksText } from "./a11y-statement.ts";
import { countLinks } from "./facets.ts";
import { finderFacets } from "./finder-areas.ts";
import { feedView } from "./feed.ts";
import { finderId, finderLegend, finderReviewView } from "./finder-views.ts";
import { addSortRanks, FINDER_PAGE_SIZE, finderPages } from "./front-page.ts";
import { paginate } from "./paging.ts";
import type { Catalogue, FinderSourceView, ReviewView } from "./views.ts";
import { accessibilityView, contactViews } from "./wording.ts";

/**
 * The catalogue of a finder (issue 23, part 2): made from its harvest alone, so that a kept harvest rebuilds
 * the same finder. The partnership's finder templates show it: `/` and its pages, the filter pages (the
 * "area" facet is the partnership, "place" an area within one: src/catalogue/finder-areas.ts), the Atom feed, the review feed and the CSV; it has no review pages,
 * documents, removal notices or HTML versions of its own: every entry links to the partnership's site.
 */

const STATE_TEXT: Record<SourceReport["state"], string> = {
  read: "Read",
  kept: "Not read at this build: its last good reviews are kept, each while still within its own dates",
  dropped: "Not read for too long: its reviews are no longer listed",
  never: "Never read",
};

function sourceView(report: SourceReport): FinderSourceView {
  return {
    id: report.source.id,
    name: report.source.name,
    feed: report.source.feed,
    state: report.state,
    stateText: STATE_TEXT[report.state],
    lastRead: report.lastRead,
    lastReadText: report.lastRead ? readableDate(report.lastRead) : "Never",
    listed: report.listed,
    problems: report.problems.map(formatProblem),
    leftByDates: report.dropped.length,
  };
}

/** Each harvested record as a review of the lists, with ids unique in the finder even if two sources' ids run together. */
function reviewViews(harvest: Harvest): ReviewView[] {
  const names = new Map(harvest.sources.map((report) => [report.source.id, report.source.name]));
  const seen = new Set<string>();
  return harvest.records.map((record) => {
    let id = finderId(record);
    for (let n = 2; seen.has(id); n++) id = `${finderId(record)}-${n}`;
    seen.add(id);
    return finderReviewView(record, names.get(record.source) ?? record.source, id);
  });
}

export function finderCatalogue(harvest: Harvest, site: SiteSettings, buildDate: IsoDate, checks?: AccessibilityChecks): Catalogue {
  const listed = reviewViews(harvest);
  addSortRanks(listed);
  const facets = finderFacets(
    listed,
    site,
    harvest.sources.map((report) => report.source),
  );
  countLinks(listed, facets.pages);
  const filterPages = facets.pages.flatMap(({ reviews, url, ...facet }) =>
    paginate(reviews, url).map((paged) => ({ ...facet, ...paged, baseUrl: url, total: reviews.length, legend: finderLegend(paged.items) })),
  );
  return {
    buildDate,
    buildDateText: readableDate(buildDate),
    site,
    retentionText: monthsText(site.retentionMonths),
    finderPages: finderPages(listed, site).map((page) => ({ ...page, legend: finderLegend(page.items) })),
    finderPageSize: FINDER_PAGE_SIZE,
    listed,
    filterPages,
    facetGroups: facets.groups,
    feed: feedView(listed, site, buildDate),
    removed: [],
    scheduled: [],
    documentFiles: [],
    htmlVersions: [],
    documentRecords: [],
    ...contactViews(site),
    accessibility: accessibilityView(site, [], automatedChecksText(checks, buildDate)),
    warnings: harvest.sources.flatMap((report) => report.problems),
    finder: { harvestDate: harvest.date, sources: harvest.sources.map(sourceView) },
  };
}
