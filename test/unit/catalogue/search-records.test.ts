import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../../src/catalogue/index.ts";
import { htmlText } from "../../../src/catalogue/search-records.ts";
import { searchContent } from "../../../src/eleventy/search-index.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import type { Review } from "../../../src/model/review.ts";
import { fixtureSite } from "../../helpers/site.ts";

const site = fixtureSite() as unknown as SiteSettings;

function review(id: string, fields: Partial<Review>): Review {
  return { id, title: `Child ${id}`, type: "CSPR", area: "northshire", status: "published", published: "2026-01-01", themes: [], documents: [], ...fields };
}

describe("the search records a catalogue makes", () => {
  const catalogue = buildCatalogue(
    [
      review("one", { summary: "Agencies **shared** information.\n\n- Learn & act\n- Listen", themes: ["neglect", "domestic abuse"] }),
      review("two", { type: "SCR", status: "withheld", published: "2025-12-01", title: "Baby <Two>" }),
      review("three", { status: "delayed", published: undefined }),
      review("markdown", {
        documents: [
          {
            kind: "overview-report",
            title: "Overview report",
            file: "overview-report.md",
            bytes: 10,
            facts: { format: "markdown", source: "## Findings\n\nThe panel met." },
          },
        ],
      }),
    ],
    site,
    "2026-11-26",
  );
  const records = Object.fromEntries(searchContent(catalogue).records.map((record) => [record.url, record]));

  it("gives every listed review the finder's filters, what a result shows and its sort keys, as its page did", () => {
    const one = records["/reviews/one/"]!;
    expect(one.title).toBe("Child one");
    expect(one.filters).toEqual({ type: ["CSPR"], area: ["Northshire"], year: ["2026"], theme: ["neglect", "domestic abuse"] });
    expect(one.meta).toEqual({ type: "CSPR", area: "Northshire", published: "1 January 2026" });
    const view = catalogue.listed.find((r) => r.id === "one")!;
    expect(one.sort).toEqual({ newest: String(view.rank.newest), title: String(view.rank.title) });
    expect(one.text).toContain("Themes: neglect, domestic abuse.");
    expect(one.text).toContain("Summary. Agencies shared information. Learn & act. Listen.");
  });

  it("states a status other than published, and gives an undated review no year", () => {
    expect(records["/reviews/two/"]!.meta!.status).toBe(catalogue.listed.find((r) => r.id === "two")!.statusText);
    expect(records["/reviews/two/"]!.title).toBe("Baby <Two>");
    expect(records["/reviews/three/"]!.filters.year).toBeUndefined();
  });

  it("puts each HTML version's text inside its review's record, under its place on the review page, linking to its page", () => {
    const version = catalogue.htmlVersions[0]!;
    const doc = catalogue.listed.find((r) => r.id === "markdown")!.documents[0]!;
    expect(records[version.url]).toBeUndefined();
    expect(records["/reviews/markdown/"]!.sections).toEqual([
      { anchor: doc.anchor, title: doc.linkText, url: version.url, text: expect.stringContaining("Findings. The panel met.") },
    ]);
    expect(records["/reviews/one/"]!.sections).toEqual([]);
  });

  it("holds one record per listed review and nothing of a review that is not listed", () => {
    expect(Object.keys(records).sort()).toEqual(catalogue.listed.map((r) => r.url).sort());
  });
});

describe("htmlText", () => {
  it("reads rendered HTML as sentences, entities decoded", () => {
    expect(htmlText("<h2>Findings</h2><p>Tom &amp; Jerry</p><ul><li>one</li><li>two!</li></ul>")).toBe("Findings. Tom & Jerry. one. two!");
  });
});
