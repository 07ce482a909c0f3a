import { describe, expect, it } from "vitest";
import { finderCatalogue } from "../../../src/catalogue/finder.ts";
import { finderSearchSources } from "../../../src/catalogue/finder-search.ts";
import { escapeHtml } from "../../../src/model/html.ts";
import { openDataCsv } from "../../../src/catalogue/open-data.ts";
import { reviewFeed } from "../../../src/catalogue/review-feed.ts";
import { reviewRecord } from "../../../src/catalogue/search-records.ts";
import { templateData } from "../../../src/catalogue/template-data.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import type { Harvest, SourceReport } from "../../../src/sources/harvest.ts";
import { finderSite } from "../../helpers/finder.ts";
import { sourceRecord } from "../../helpers/hand-made-feeds.ts";

const site = { ...finderSite(), areas: {} } as unknown as SiteSettings;
const HOSTILE = '<img src=x onerror=alert(1)> & "q" \'s';

const record = sourceRecord;

const report = (id: string, name: string, listed: number, state: SourceReport["state"] = "read"): SourceReport => ({
  source: { id, name, feed: `https://${id}.example.org/reviews.json` },
  state,
  lastRead: state === "never" ? null : "2026-11-26",
  listed,
  problems: state === "never" ? [{ file: `source "${id}"`, message: "the server answered 500." }] : [],
  dropped: [],
});

const harvest: Harvest = {
  date: "2026-11-26",
  sources: [report("north", "North Partnership", 2), report("south", `South ${HOSTILE}`, 1), report("east", "East Partnership", 0, "never")],
  records: [
    record("north", "child-a", { published: "2026-09-01", summary: `Summary ${HOSTILE}` }),
    record("south", "child-a", { published: "2026-08-01", themes: [HOSTILE] }),
    record("north", "child-b", {
      published: "2026-07-01",
      status: "withheld",
      statusText: "Overview report withheld",
      footnote: { code: "†", text: "North's own words on withheld reports." },
    }),
  ],
};

describe("a finder's catalogue, from its harvest alone", () => {
  const catalogue = finderCatalogue(harvest, site, "2026-11-26");

  it("lists every record newest first, each under an id of its own and at its partnership's own page", () => {
    expect(catalogue.listed.map((r) => [r.id, r.url])).toEqual([
      ["north-child-a", "https://north.example.org/reviews/child-a/"],
      ["south-child-a", "https://south.example.org/reviews/child-a/"],
      ["north-child-b", "https://north.example.org/reviews/child-b/"],
    ]);
    expect(catalogue.finderPages[0]!.countText).toBe("3 reviews, newest first.");
  });

  it("filters by partnership (in sources.json's order, only those with reviews), type, year and theme", () => {
    const group = catalogue.facetGroups.find((g) => g.facet === "area")!;
    expect(group.heading).toBe("By partnership");
    expect(group.options.map((o) => [o.key, o.url, o.count])).toEqual([
      ["north", "/reviews/partnership/north/", 2],
      ["south", "/reviews/partnership/south/", 1],
    ]);
    const page = catalogue.filterPages.find((p) => p.url === "/reviews/partnership/north/")!;
    expect(page.heading).toBe("Reviews from North Partnership");
    expect(page.items.map((r) => r.id)).toEqual(["north-child-a", "north-child-b"]);
    // And by area within a partnership ("place": test/unit/catalogue/finder-areas.test.ts).
    expect(catalogue.facetGroups.map((g) => g.facet)).toEqual(["type", "area", "place", "year", "theme"]);
  });

  it("explains each mark in its own partnership's words, linked from the reviews that carry it", () => {
    expect(catalogue.finderPages[0]!.legend).toEqual([
      expect.objectContaining({ code: "†", text: "North Partnership: North's own words on withheld reports.", anchor: "footnote-north-withheld" }),
    ]);
    expect(catalogue.listed[2]!.footnote?.anchor).toBe("footnote-north-withheld");
  });

  it("copies no document, makes no page, citation or removal notice of its own, and escapes the one piece of HTML it makes", () => {
    expect([catalogue.documentFiles, catalogue.htmlVersions, catalogue.removed, catalogue.documentRecords]).toEqual([[], [], [], []]);
    expect(catalogue.listed[0]!.summaryHtml).toBe(`<p>Summary ${escapeHtml(HOSTILE)}</p>`);
    expect(catalogue.listed[0]!.summaryHtml).not.toContain("<img");
    expect(catalogue.listed[0]!.documents[0]).toMatchObject({ href: "https://north.example.org/reviews/child-a/o.pdf", external: true });
  });

  it("gives its own feed each record's source and the partnership's own area, and its CSV a partnership column", () => {
    const data = templateData(catalogue);
    const feed = reviewFeed(data);
    expect(feed.publisher.url).toBe("https://finder.example.org");
    expect(feed.reviews[1]).toMatchObject({ id: "south-child-a", area: "west", areaName: "West", source: { id: "south", name: `South ${HOSTILE}` } });
    const [header, first] = openDataCsv(data).split("\r\n");
    expect(header!.startsWith("partnership,id,")).toBe(true);
    expect(first!.startsWith("North Partnership,north-child-a,")).toBe(true);
  });

  it("names the partnership in each search record and filters it by the partnership", () => {
    const search = reviewRecord(catalogue.listed[1]!);
    expect(search.url).toBe("https://south.example.org/reviews/child-a/");
    expect(search.meta).toMatchObject({ partnership: `South ${HOSTILE}`, area: "West" });
    expect(search.filters.area).toEqual([`South ${HOSTILE}`]);
  });

  it("says for each source its state, when it was last read, how many it lists and what went wrong", () => {
    expect(catalogue.finder?.sources.map((s) => [s.id, s.stateText, s.lastReadText, s.listed])).toEqual([
      ["north", "Read", "26 November 2026", 2],
      ["south", "Read", "26 November 2026", 1],
      ["east", "Never read", "Never", 0],
    ]);
    expect(catalogue.finder?.sources[2]?.problems[0]).toContain("the server answered 500.");
  });

  it("is a finder with nothing in it when no source could be read", () => {
    const empty = finderCatalogue({ date: "2026-11-26", sources: [report("east", "East", 0, "never")], records: [] }, site, "2026-11-26");
    expect(empty.listed).toEqual([]);
    expect(empty.finderPages).toHaveLength(1);
    expect(empty.facetGroups.every((g) => g.options.length === 0)).toBe(true);
  });
});

describe("what the finder's page needs to search inside every source's reports (search-sources.json)", () => {
  const catalogue = finderCatalogue(harvest, site, "2026-11-26");
  const search = finderSearchSources(harvest, catalogue.listed);

  it("names each source's search index beside its feed, and the site its pages are under", () => {
    expect(search.sources).toEqual([
      { id: "north", name: "North Partnership", bundle: "https://north.example.org/pagefind/", site: "https://north.example.org/" },
      { id: "south", name: `South ${HOSTILE}`, bundle: "https://south.example.org/pagefind/", site: "https://south.example.org/" },
      { id: "east", name: "East Partnership", bundle: "https://east.example.org/pagefind/", site: "https://east.example.org/" },
    ]);
    const mirrored = {
      ...harvest,
      sources: [
        {
          ...harvest.sources[0]!,
          source: { ...harvest.sources[0]!.source, feed: "http://127.0.0.1:4000/north/reviews.json", site: "https://north.example.org/review" },
        },
      ],
    };
    expect(finderSearchSources(mirrored, []).sources[0]).toMatchObject({
      bundle: "http://127.0.0.1:4000/north/pagefind/",
      site: "https://north.example.org/review/",
    });
  });

  it("maps exactly the reviews listed today, by page address, to their source and id in the finder, and no other", () => {
    expect(search.listed).toEqual(Object.fromEntries(catalogue.listed.map((review) => [review.url, `${review.source!.id}/${review.id}`])));
    expect(Object.keys(search.listed)).toHaveLength(harvest.records.length);
    expect(finderSearchSources(harvest, catalogue.listed.slice(1)).listed).not.toHaveProperty(catalogue.listed[0]!.url);
  });

  it("files each finder search record under its id in the finder, so the page can look up a review a report matched", () => {
    for (const review of catalogue.listed) expect(reviewRecord(review).filters.key).toEqual([review.id]);
  });
});
