import { describe, expect, it } from "vitest";
import { buildCatalogue, compareNewestFirst } from "../../../src/catalogue/index.ts";
import type { SiteSettings } from "../../../src/content/site-settings.ts";
import { fixtureSite } from "../../helpers/site.ts";
import { type Review } from "../../../src/model/review.ts";

const site = fixtureSite() as unknown as SiteSettings;

function review(id: string, fields: Partial<Review>): Review {
  return { id, title: id, type: "CSPR", area: "northshire", status: "published", published: "2025-01-01", themes: [], documents: [], ...fields };
}

describe("buildCatalogue", () => {
  const reviews = [
    review("old-cspr", { published: "2019-03-01" }),
    review("new-cspr", { published: "2026-10-01", status: "withheld" }),
    review("undated", { status: "delayed", published: undefined }),
    review("live-scr", { type: "SCR", published: "2026-01-10", documents: [{ kind: "overview-report", title: "Overview report", file: "o.pdf", bytes: 2048 }] }),
    review("gone-scr", { type: "SCR", published: "2025-11-25", documents: [{ kind: "overview-report", title: "Overview report", file: "o.pdf", bytes: 2048 }] }),
    review("future", { published: "2027-01-01" }),
  ];
  const catalogue = buildCatalogue(reviews, site, "2026-11-26");

  it("lists CSPRs then SCRs, each newest first, undated first", () => {
    expect(catalogue.sections.map((s) => [s.type, s.reviews.map((r) => r.id)])).toEqual([
      ["CSPR", ["undated", "new-cspr", "old-cspr"]],
      ["SCR", ["live-scr"]],
    ]);
  });

  it("words dates and footnotes for the page", () => {
    const live = catalogue.listed.find((r) => r.id === "live-scr")!;
    expect(live).toMatchObject({ publishedText: "10 January 2026", removalDate: "2027-01-10", removalDateText: "10 January 2027", footnote: null, url: "/reviews/live-scr/" });
    expect(catalogue.listed.find((r) => r.id === "undated")).toMatchObject({ published: null, publishedText: "Not yet published", footnote: { code: "**", anchor: "footnote-delayed" } });
    expect(catalogue.listed.find((r) => r.id === "new-cspr")!.footnote).toMatchObject({ code: "*", label: "overview report not published" });
  });

  it("builds the legend from the listed reviews, in code order", () => {
    expect(catalogue.legend.map((l) => [l.code, l.reviews.map((r) => r.id)])).toEqual([
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
    expect(catalogue.feed.entries.map((e) => e.id)).toEqual(["https://reviews.example.org/reviews/new-cspr/", "https://reviews.example.org/reviews/live-scr/", "https://reviews.example.org/reviews/old-cspr/"]);
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
