/**
 * A finder's filter by area within a partnership (issue 23): each feed record's own area, qualified by its
 * source, as a facet of its own ("place"), beside the partnership ("area").
 */
import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../../src/catalogue/index.ts";
import { finderCatalogue } from "../../../src/catalogue/finder.ts";
import { reviewRecord } from "../../../src/catalogue/search-records.ts";
import { parseTemplateData, serialiseTemplateData, templateData } from "../../../src/catalogue/template-data.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import type { Harvest, SourceReport } from "../../../src/sources/harvest.ts";
import type { SourceRecord } from "../../../src/sources/source-feed.ts";
import { finderSite } from "../../helpers/finder.ts";
import { sourceRecord } from "../../helpers/hand-made-feeds.ts";
import { fixtureSite } from "../../helpers/site.ts";
import type { Review } from "../../../src/model/review.ts";

const site = { ...finderSite(), areas: {} } as unknown as SiteSettings;
const HOSTILE_AREA = 'West <img src=x onerror=alert(1)> & "q"';

/** A record of `source` in the area `area` (named `areaName`), with no documents. */
const record = (source: string, id: string, area: string, areaName: string, published = "2026-05-01"): SourceRecord =>
  sourceRecord(source, id, { area, areaName, published, documents: [] });

const report = (id: string, name: string): SourceReport => ({
  source: { id, name, feed: `https://${id}.example.org/reviews.json` },
  state: "read",
  lastRead: "2026-11-26",
  listed: 0,
  problems: [],
  dropped: [],
});

// Two partnerships that both have an area keyed "north": they never mix.
const harvest: Harvest = {
  date: "2026-11-26",
  sources: [report("south", "South Partnership"), report("north", "North Partnership")],
  records: [
    record("north", "child-a", "north", "Northtown", "2026-09-01"),
    record("south", "child-b", "north", "North Vale", "2026-08-01"),
    record("north", "child-c", "coast", "Coastal Strip", "2026-07-01"),
    record("north", "child-d", "north", "Northtown", "2026-06-01"),
    record("south", "child-e", "west", HOSTILE_AREA, "2026-05-01"),
  ],
};

describe("a finder's filter by area within a partnership", () => {
  const catalogue = finderCatalogue(harvest, site, "2026-11-26");
  const place = catalogue.facetGroups.find((g) => g.facet === "place")!;

  it("is a filter of its own after the partnership's, its values qualified by source so two partnerships' areas never mix", () => {
    expect(catalogue.facetGroups.map((g) => g.facet)).toEqual(["type", "area", "place", "year", "theme"]);
    expect(place.heading).toBe("By area within a partnership");
    expect(place.options.map((o) => [o.key, o.label, o.count, o.filterValue, o.url])).toEqual([
      ["south/north", "North Vale", 1, "south/north", "/reviews/partnership/south/north/"],
      ["south/west", HOSTILE_AREA, 1, "south/west", "/reviews/partnership/south/west/"],
      ["north/coast", "Coastal Strip", 1, "north/coast", "/reviews/partnership/north/coast/"],
      ["north/north", "Northtown", 2, "north/north", "/reviews/partnership/north/north/"],
    ]);
  });

  it("groups its values by partnership, in sources.json's order, each area by name", () => {
    expect(place.sections?.map((s) => [s.label, s.url, s.options.map((o) => o.key)])).toEqual([
      ["South Partnership", "/reviews/partnership/south/", ["south/north", "south/west"]],
      ["North Partnership", "/reviews/partnership/north/", ["north/coast", "north/north"]],
    ]);
  });

  it("has a filter page for each partnership's area with exactly its reviews, under its partnership's page", () => {
    const page = catalogue.filterPages.find((p) => p.url === "/reviews/partnership/north/north/")!;
    expect(page.heading).toBe("Reviews in Northtown (North Partnership)");
    expect(page.items.map((r) => r.id)).toEqual(["north-child-a", "north-child-d"]);
    expect(page.within).toEqual({ label: "North Partnership", url: "/reviews/partnership/north/" });
    const other = catalogue.filterPages.find((p) => p.url === "/reviews/partnership/south/north/")!;
    expect(other.items.map((r) => r.id)).toEqual(["south-child-b"]);
  });

  it("links each partnership's filter page to its areas' pages, with their counts", () => {
    const page = catalogue.filterPages.find((p) => p.url === "/reviews/partnership/north/")!;
    expect(page.areas?.map((o) => [o.label, o.url, o.count])).toEqual([
      ["Coastal Strip", "/reviews/partnership/north/coast/", 1],
      ["Northtown", "/reviews/partnership/north/north/", 2],
    ]);
    expect(page.within).toBeUndefined();
  });

  it("pages an area's filter page as the other filter pages are paged", () => {
    const many: Harvest = {
      ...harvest,
      records: Array.from({ length: 51 }, (_, i) => record("north", `child-${i + 1}`, "coast", "Coastal Strip", `2026-0${1 + (i % 9)}-01`)),
    };
    const pages = finderCatalogue(many, site, "2026-11-26").filterPages.filter((p) => p.baseUrl === "/reviews/partnership/north/coast/");
    expect(pages.map((p) => [p.url, p.items.length, p.total])).toEqual([
      ["/reviews/partnership/north/coast/", 50, 51],
      ["/reviews/partnership/north/coast/page/2/", 1, 51],
    ]);
  });

  it("files each search record under its area, qualified by source, so Pagefind's search combines with the filter", () => {
    const [a, b] = catalogue.listed;
    expect(reviewRecord(a!).filters.place).toEqual(["north/north"]);
    expect(reviewRecord(b!).filters.place).toEqual(["south/north"]);
    expect(reviewRecord(a!).filters.area).toEqual(["North Partnership"]);
  });

  it("goes through the hand-over to Eleventy's process and back", () => {
    const back = parseTemplateData(serialiseTemplateData(templateData(catalogue)), "eleventy-data.json");
    expect(back.facetGroups.find((g) => g.facet === "place")!.sections).toHaveLength(2);
    expect(back.filterPages.find((p) => p.url === "/reviews/partnership/north/coast/")!.within?.url).toBe("/reviews/partnership/north/");
  });

  it("is no filter of a partnership's own site, whose area filter stays its own areas", () => {
    const review = (id: string, area: string): Review => ({
      id,
      title: id,
      type: "CSPR",
      area,
      status: "published",
      published: "2025-01-01",
      themes: [],
      documents: [],
    });
    const own = buildCatalogue([review("child-a", "northshire"), review("child-b", "southvale")], fixtureSite() as unknown as SiteSettings, "2026-11-26");
    expect(own.facetGroups.map((g) => g.facet)).toEqual(["type", "area", "year", "theme"]);
    expect(own.facetGroups.find((g) => g.facet === "area")!.options.map((o) => o.url)).toEqual(["/reviews/area/northshire/", "/reviews/area/southvale/"]);
    expect(own.filterPages.some((p) => p.url.startsWith("/reviews/partnership/"))).toBe(false);
    for (const review of own.listed) expect(reviewRecord(review).filters).not.toHaveProperty("place");
  });
});
