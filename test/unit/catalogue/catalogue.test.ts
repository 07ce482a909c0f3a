import { describe, expect, it } from "vitest";
import { buildCatalogue, compareNewestFirst } from "../../../src/catalogue/index.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import { fixtureSite } from "../../helpers/site.ts";
import type { Review } from "../../../src/model/review.ts";

const site = fixtureSite() as unknown as SiteSettings;

function review(id: string, fields: Partial<Review>): Review {
  return { id, title: id, type: "CSPR", area: "northshire", status: "published", published: "2025-01-01", themes: [], documents: [], ...fields };
}

describe("buildCatalogue", () => {
  const reviews = [
    review("old-cspr", { published: "2019-03-01" }),
    review("new-cspr", { published: "2026-10-01", status: "withheld" }),
    review("undated", { status: "delayed", published: undefined }),
    review("live-scr", {
      type: "SCR",
      published: "2026-01-10",
      documents: [{ kind: "overview-report", title: "Overview report", file: "o.pdf", bytes: 2048 }],
    }),
    review("gone-scr", {
      type: "SCR",
      published: "2025-11-25",
      documents: [{ kind: "overview-report", title: "Overview report", file: "o.pdf", bytes: 2048 }],
    }),
    review("future", { published: "2027-01-01" }),
  ];
  const catalogue = buildCatalogue(reviews, site, "2026-11-26");

  it("lists every review in the finder newest first, undated first", () => {
    expect(catalogue.finderPages.map((p) => p.items.map((r) => r.id))).toEqual([["undated", "new-cspr", "live-scr", "old-cspr"]]);
    expect(catalogue.finderPages[0]!.countText).toBe("4 reviews, newest first.");
  });

  it("ranks reviews newest first and by title, for the finder's sort", () => {
    expect(catalogue.listed.map((r) => [r.id, r.rank.newest])).toEqual([
      ["undated", 0],
      ["new-cspr", 1],
      ["live-scr", 2],
      ["old-cspr", 3],
    ]);
    const byTitle = [...catalogue.listed].sort((a, b) => a.rank.title - b.rank.title).map((r) => r.title);
    expect(byTitle).toEqual([...byTitle].sort((a, b) => a.localeCompare(b, "en-GB", { numeric: true })));
  });

  it("words dates and footnotes for the page", () => {
    const live = catalogue.listed.find((r) => r.id === "live-scr")!;
    expect(live).toMatchObject({
      publishedText: "10 January 2026",
      removalDate: "2027-01-10",
      removalDateText: "10 January 2027",
      footnote: null,
      url: "/reviews/live-scr/",
    });
    expect(catalogue.listed.find((r) => r.id === "undated")).toMatchObject({
      published: null,
      publishedText: "Not yet published",
      footnote: { code: "**", anchor: "footnote-delayed" },
    });
    expect(catalogue.listed.find((r) => r.id === "new-cspr")!.footnote).toMatchObject({ code: "*", label: "overview report not published" });
  });

  it("builds the legend from the listed reviews, in code order", () => {
    expect(catalogue.finderPages[0]!.legend.map((l) => [l.code, l.reviews.map((r) => r.id)])).toEqual([
      ["*", ["new-cspr"]],
      ["**", ["undated"]],
    ]);
  });

  it("keeps removed SCRs for their notice only, and copies only listed documents", () => {
    expect(catalogue.removed).toEqual([
      expect.objectContaining({ id: "gone-scr", publishedText: "25 November 2025", removedOn: "2026-11-25", removedOnText: "25 November 2026" }),
    ]);
    expect(catalogue.removed[0]).not.toHaveProperty("summaryHtml");
    expect(catalogue.removed[0]).not.toHaveProperty("documents");
    expect(catalogue.documentFiles).toEqual([{ from: "reviews/live-scr/o.pdf", to: "reviews/live-scr/o.pdf" }]);
  });

  it("leaves out reviews dated after the build date", () => {
    expect([...catalogue.listed, ...catalogue.removed].map((r) => r.id)).not.toContain("future");
  });

  it("dates the feed by its newest entry, and by the build date when nothing listed has a date", () => {
    expect(catalogue.feed.entries.map((e) => e.id)).toEqual([
      "https://reviews.example.org/reviews/new-cspr/",
      "https://reviews.example.org/reviews/live-scr/",
      "https://reviews.example.org/reviews/old-cspr/",
    ]);
    expect(catalogue.feed.updated.toISOString()).toBe("2026-09-30T23:00:00.000Z");
    for (const none of [[], [review("gone-scr", { type: "SCR", published: "2025-06-15" })], [review("undated", { status: "delayed", published: undefined })]]) {
      const empty = buildCatalogue(none, site, "2026-06-15");
      expect(empty.feed.entries).toEqual([]);
      expect(empty.feed.updated).toBeInstanceOf(Date);
      expect(empty.feed.updated.toISOString()).toBe("2026-06-14T23:00:00.000Z");
    }
  });

  it("orders ties by title, so the file's order never matters", () => {
    const a = review("b-id", { title: "Child B" });
    const b = review("a-id", { title: "Child A" });
    expect([a, b].sort(compareNewestFirst).map((r) => r.title)).toEqual(["Child A", "Child B"]);
  });
});

describe("filter page addresses", () => {
  it.each([
    ["Domestic abuse", "domestic-abuse"],
    ["  safe   sleep ", "safe-sleep"],
    ["Drugs & alcohol", "drugs-and-alcohol"],
    ["Café culture", "cafe-culture"],
    ["Straße", "strasse"],
    ["child's voice", "childs-voice"],
    ["child’s voice", "childs-voice"],
    ["self-harm", "self-harm"],
    ["SelfHarm", "selfharm"],
  ])("gives the theme %j the address /reviews/theme/%s/", (theme, key) => {
    const catalogue = buildCatalogue([review("child-a", { themes: [theme] })], site, "2026-11-26");
    expect(catalogue.listed[0]!.links.themes).toEqual([expect.objectContaining({ key, label: theme, url: `/reviews/theme/${key}/` })]);
    expect(catalogue.filterPages.map((page) => page.url)).toContain(`/reviews/theme/${key}/`);
  });
});

describe("the list at /", () => {
  const many = (n: number, type: Review["type"] = "CSPR") =>
    Array.from({ length: n }, (_, i) =>
      review(`${type.toLowerCase()}-${String(i).padStart(3, "0")}`, {
        type,
        published: `2026-${String((i % 10) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
      }),
    );

  it.each([1, 3, 20])("shows all %i reviews on one page while there are at most 20", (n) => {
    const catalogue = buildCatalogue([...many(Math.ceil(n / 2)), ...many(Math.floor(n / 2), "SCR")], site, "2026-11-26");
    expect(catalogue.finderPages).toHaveLength(1);
    expect(catalogue.finderPages[0]!.items).toHaveLength(n);
    expect(catalogue.finderPages[0]!.nextUrl).toBeNull();
  });

  it("beyond 20, pages every review at /page/N/, newest first, with the count in words", () => {
    const catalogue = buildCatalogue([...many(60), ...many(41, "SCR")], site, "2026-11-26");
    expect(catalogue.finderPages.map((p) => [p.url, p.items.length, p.previousUrl, p.nextUrl])).toEqual([
      ["/", 20, null, "/page/2/"],
      ["/page/2/", 20, "/", "/page/3/"],
      ["/page/3/", 20, "/page/2/", "/page/4/"],
      ["/page/4/", 20, "/page/3/", "/page/5/"],
      ["/page/5/", 20, "/page/4/", "/page/6/"],
      ["/page/6/", 1, "/page/5/", null],
    ]);
    expect(catalogue.finderPages[1]!.countText).toBe("Showing 21 to 40 of 101 reviews, newest first.");
    expect(catalogue.finderPages.flatMap((p) => p.items)).toEqual(catalogue.listed);
  });
});

describe("related reviews", () => {
  it("lists up to five others sharing a theme, most themes in common first, then newest", () => {
    const reviews = [
      review("subject", { themes: ["neglect", "domestic abuse", "housing"] }),
      review("three-shared", { published: "2020-01-01", themes: ["neglect", "domestic abuse", "housing"] }),
      review("two-shared", { published: "2021-01-01", themes: ["neglect", "housing"] }),
      review("one-new", { published: "2026-06-01", themes: ["housing"] }),
      review("one-mid", { published: "2024-06-01", themes: ["neglect"] }),
      review("one-old", { published: "2022-06-01", themes: ["domestic abuse"] }),
      review("one-oldest", { published: "2019-06-01", themes: ["neglect"] }),
      review("unrelated", { published: "2026-01-01", themes: ["online harm"] }),
    ];
    const subject = buildCatalogue(reviews, site, "2026-11-26").listed.find((r) => r.id === "subject")!;
    expect(subject.related.map((r) => [r.id, r.sharedThemes.length])).toEqual([
      ["three-shared", 3],
      ["two-shared", 2],
      ["one-new", 1],
      ["one-mid", 1],
      ["one-old", 1],
    ]);
  });
});

describe("filter pages", () => {
  it("list a review once on a theme it gives twice, and count it once", () => {
    const catalogue = buildCatalogue([review("twice", { themes: ["neglect", "neglect"] }), review("once", { themes: ["neglect"] })], site, "2026-11-26");
    const page = catalogue.filterPages.find((p) => p.baseUrl === "/reviews/theme/neglect/")!;
    expect(page.items.map((r) => r.id)).toEqual(["once", "twice"]);
    expect(catalogue.facetGroups.find((g) => g.facet === "theme")!.options).toEqual([expect.objectContaining({ key: "neglect", count: 2 })]);
  });

  it("leave a review with no date yet off every year page", () => {
    const catalogue = buildCatalogue(
      [review("undated", { status: "delayed", published: undefined }), review("dated", { published: "2025-05-05" })],
      site,
      "2026-11-26",
    );
    expect(catalogue.listed.find((r) => r.id === "undated")!.links.year).toBeNull();
    expect(catalogue.filterPages.filter((p) => p.facet === "year").map((p) => [p.baseUrl, p.items.map((r) => r.id)])).toEqual([
      ["/reviews/year/2025/", ["dated"]],
    ]);
  });

  it("head each page with what it lists", () => {
    const catalogue = buildCatalogue([review("a", { type: "SCR", published: "2026-02-01", themes: ["neglect"] })], site, "2026-11-26");
    expect(Object.fromEntries(catalogue.filterPages.map((p) => [p.baseUrl, p.heading]))).toEqual({
      "/reviews/type/scr/": "Serious Case Reviews",
      "/reviews/area/northshire/": "Reviews in Northshire",
      "/reviews/year/2026/": "Reviews published in 2026",
      "/reviews/theme/neglect/": "Reviews on the theme “neglect”",
    });
  });
});

describe("links in summaries and HTML versions to filter pages", () => {
  // The only southvale review, the only 2025 one, the only SCR and the only one about neglect leaves the site on 2026-11-26.
  const leaving = review("child-t", { type: "SCR", area: "southvale", published: "2025-11-26", themes: ["neglect"] });
  const links =
    "[2025](/reviews/year/2025/) [neglect](../theme/neglect/) [SCRs](https://reviews.example.org/reviews/type/scr/) [southvale](/reviews/Area/southvale/index.html) " +
    "[2026](/reviews/year/2026) [family](/reviews/theme/family/) [CSPRs](/reviews/type/cspr/)";
  const staying = review("child-a", {
    published: "2026-02-01",
    themes: ["family"],
    summary: links,
    documents: [
      {
        kind: "learning-brief",
        title: "Learning brief",
        file: "brief.md",
        bytes: 10,
        facts: { format: "markdown", source: links.replaceAll("../", "../../") },
      },
    ],
  });
  const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);

  it("links every filter page while it is on the site", () => {
    const catalogue = buildCatalogue([leaving, staying], site, "2026-11-25");
    const expected = [
      "/reviews/year/2025/",
      "/reviews/theme/neglect/",
      "/reviews/type/scr/",
      "/reviews/area/southvale/",
      "/reviews/year/2026/",
      "/reviews/theme/family/",
      "/reviews/type/cspr/",
    ];
    expect(hrefs(catalogue.listed.find((r) => r.id === "child-a")!.summaryHtml)).toEqual(expected);
    expect(hrefs(catalogue.htmlVersions[0]!.html)).toEqual(expected);
  });

  it("keeps only the text of a link to a filter page that the day's build does not make, once the last review on it has left", () => {
    const catalogue = buildCatalogue([leaving, staying], site, "2026-11-26");
    const made = new Set(catalogue.filterPages.map((page) => page.url));
    const expected = ["/reviews/year/2026/", "/reviews/theme/family/", "/reviews/type/cspr/"];
    for (const html of [catalogue.listed.find((r) => r.id === "child-a")!.summaryHtml, catalogue.htmlVersions[0]!.html]) {
      expect(hrefs(html)).toEqual(expected);
      for (const href of hrefs(html)) expect(made.has(href!), href).toBe(true);
      expect(html).toContain("2025 neglect SCRs southvale");
    }
  });
});

describe("links in the feed's summaries", () => {
  it("are written in full, with the site's path, as a feed reader reads them against the feed's own address", () => {
    const prefixed = { ...site, url: "https://x.example.org/review" };
    const summary =
      "[kept](../kept/report.pdf) [here](#documents) [theme](/reviews/theme/family/) [elsewhere](https://example.org/a) [mail](mailto:team@example.org)";
    const reviews = [review("child-a", { published: "2026-02-01", themes: ["family"], summary }), review("kept", { published: "2026-01-01" })];
    const catalogue = buildCatalogue(reviews, prefixed, "2026-11-26");
    const entry = catalogue.feed.entries.find((e) => e.url.endsWith("/child-a/"))!;
    expect([...entry.summaryHtml.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])).toEqual([
      "https://x.example.org/review/reviews/kept/report.pdf",
      "https://x.example.org/review/reviews/child-a/#documents",
      "https://x.example.org/review/reviews/theme/family/",
      "https://example.org/a",
      "mailto:team@example.org",
    ]);
    // The review's own page keeps root-relative addresses, which Eleventy's HTML base plugin prefixes.
    expect(catalogue.listed.find((r) => r.id === "child-a")!.summaryHtml).toContain('href="/reviews/kept/report.pdf"');
  });
});
