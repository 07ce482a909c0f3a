import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../../src/catalogue/index.ts";
import { parseTemplateData, serialiseTemplateData, templateData, TemplateDataError } from "../../../src/catalogue/template-data.ts";
import type { Review } from "../../../src/model/review.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import { fixtureSite, FIXTURES } from "../../helpers/site.ts";
import path from "node:path";

// Another partnership's settings (24 months), never the repository's own data.
const site = fixtureSite(path.join(FIXTURES, "partnership-b")) as unknown as SiteSettings;
const FILE = "/srv/_site.builds/2026-11-26-x/input/eleventy-data.json";
const PDF_PHRASE = "tangerine ledger clause";
const HOSTILE = `</script><b x="1">&amp; 'quote' \u2028 \u0000 ${"€"}`;

function review(id: string, fields: Partial<Review> = {}): Review {
  return { id, title: id, type: "CSPR", area: "eastmere", status: "published", published: "2025-01-01", themes: ["neglect"], documents: [], ...fields };
}

/** 60 reviews with an untagged PDF each (so the finder, a filter page and the inaccessible documents run to several pages), and one of each kind the views word differently. */
function manyReviews(): Review[] {
  const pdf = (n: number) => ({
    kind: "overview-report" as const,
    title: "Overview report",
    file: "overview-report.pdf",
    bytes: 4096 + n,
    facts: { format: "pdf" as const, pages: 3, title: null, language: null, tagged: false, hasText: true, text: `Page text ${n}: the ${PDF_PHRASE}.` },
  });
  const reviews = Array.from({ length: 60 }, (_, n) =>
    review(`child-${n}`, {
      published: `2024-${String((n % 12) + 1).padStart(2, "0")}-0${(n % 9) + 1}`,
      documents: [pdf(n)],
      themes: n % 2 ? ["neglect", "Domestic abuse"] : ["neglect"],
    }),
  );
  return [
    ...reviews,
    review("withheld-scr", {
      type: "SCR",
      status: "withheld",
      area: "holt",
      published: "2026-02-01",
      summary: `**Learning** from [a review](/reviews/child-1/). ${HOSTILE}`,
    }),
    review("undated", { status: "delayed", published: undefined, title: HOSTILE }),
    review("gone-scr", { type: "SCR", published: "2023-01-01" }),
    review("future", { published: "2027-05-01" }),
    review("with-html", {
      area: "the-wold",
      documents: [
        {
          kind: "learning-brief",
          title: "Learning brief",
          file: "brief.md",
          bytes: 300,
          facts: { format: "markdown", source: `## One\n\nText ${HOSTILE}\n\n## Two\n\nMore.\n` },
        },
        { kind: "response", title: "Response", url: "https://example.org/response.pdf" },
      ],
    }),
  ];
}

const catalogue = buildCatalogue(manyReviews(), site, "2026-11-26", [], { beforePublish: "all" });
const data = templateData(catalogue);
const text = serialiseTemplateData(data);

/** The file with each `[path, value]` changed (a value of `undefined` deletes the field). */
function wrongFile(...changes: [(string | number)[], unknown][]): string {
  const wire = JSON.parse(text) as unknown;
  for (const [at, value] of changes) {
    const parent = at
      .slice(0, -1)
      .reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, wire as Record<string, unknown>);
    if (value === undefined) delete parent[at.at(-1)!];
    else parent[at.at(-1)!] = value;
  }
  return JSON.stringify(wire);
}

function messageOf(fileText: string): string {
  try {
    parseTemplateData(fileText, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateDataError);
    return (error as Error).message;
  }
  throw new Error("the file was accepted");
}

describe("the catalogue handed to Eleventy's process", () => {
  it("covers every kind of page (so the round trip below proves something)", () => {
    expect(data.finderPages.length).toBeGreaterThan(1);
    expect(data.filterPages.some((page) => page.pageCount > 1)).toBe(true);
    expect(data.accessibility.documentPages.length).toBeGreaterThan(1);
    expect([data.removed.length, data.htmlVersions.length, data.feed.entries.length]).not.toContain(0);
  });

  it("comes back from its file exactly as the catalogue made it: dates as dates, no field added or lost", () => {
    expect(parseTemplateData(text, FILE)).toStrictEqual(data);
  });

  it("comes back for a partnership with no reviews at all", () => {
    const empty = templateData(buildCatalogue([], site, "2026-11-26"));
    expect(parseTemplateData(serialiseTemplateData(empty), FILE)).toStrictEqual(empty);
  });

  it("writes each review once, and the pages list the very reviews of `listed`", () => {
    // "rank" is a field of a review's view only: each is written once, however many pages list it.
    expect(text.split('"rank":').length - 1).toBe(data.listed.length);
    const parsed = parseTemplateData(text, FILE);
    expect(parsed.finderPages[1]!.items[0]).toBe(parsed.listed[20]);
    const page = parsed.filterPages.find((p) => p.items.length > 0)!;
    expect(parsed.listed).toContain(page.items[0]);
    expect(parsed.accessibility.documentPages[1]!.items[0]).toBe(parsed.accessibility.documents[50]);
  });

  it("holds nothing templates do not read: no PDF text, no search records, no files to copy, no scheduled review, no settings the views word", () => {
    expect(catalogue.documentRecords.some((record) => record.text.includes(PDF_PHRASE))).toBe(true);
    expect(text).not.toContain(PDF_PHRASE);
    expect(text).not.toContain('"future"');
    for (const key of ["documentRecords", "documentFiles", "warnings", "scheduled"]) expect(JSON.parse(text)).not.toHaveProperty(key);
    for (const key of ["support", "accessibility", "cms"]) expect(JSON.parse(text).site).not.toHaveProperty(key);
  });

  it("holds no RIS record: the build writes the RIS files from its own catalogue, and no template reads them", () => {
    const ris = catalogue.listed[0]!.citation.ris;
    expect(ris).toContain("TY  - ");
    expect(text).not.toContain("TY  - ");
    expect(JSON.parse(text).listed[0].citation).not.toHaveProperty("ris");
    // The page still links to its RIS file.
    expect(parseTemplateData(text, FILE).listed[0]!.citation.risUrl).toBe(catalogue.listed[0]!.citation.risUrl);
  });

  it("refuses a field of the wrong type, naming the file and the field", () => {
    const message = messageOf(wrongFile([["listed", 0, "title"], 42]));
    expect(message).toContain(FILE);
    expect(message).toContain('field "listed[1].title"');
    expect(message).toContain("fault in the build, not in the data");
  });

  it("refuses a field templates do not read, such as a PDF's text beside a document", () => {
    const at = data.listed.findIndex((view) => view.id === "child-0");
    const message = messageOf(wrongFile([["listed", at, "documents", 0, "text"], PDF_PHRASE]));
    expect(message).toContain(`${FILE}, field "listed[${at + 1}].documents[1].text": unknown field "text"`);
  });

  it("refuses a missing part, a date that is not one, and a page naming a review that is not there", () => {
    expect(messageOf(wrongFile([["feed"], undefined]))).toContain('field "feed"');
    expect(messageOf(wrongFile([["feed", "updated"], "yesterday"]))).toContain('field "feed.updated"');
    expect(messageOf(wrongFile([["buildDate"], "2026-02-30"]))).toContain('field "buildDate"');
    expect(messageOf(wrongFile([["finderPages", 0, "items", 0], 9999]))).toMatch(/field "finderPages\[1\]\.items\[1\]": .*got 9999/);
  });

  it("lists the first ten problems of a file wrong throughout, and says how many there are", () => {
    const message = messageOf(wrongFile(...data.listed.map((_, i): [(string | number)[], unknown] => [["listed", i, "title"], null])));
    expect(message).toContain(`${data.listed.length} problems, the first 10:`);
    expect(message).toContain("10. /srv/");
    expect(message).not.toContain("11. /srv/");
  });

  it("refuses a file that is not JSON, naming it", () => {
    expect(messageOf(text.slice(0, 100))).toContain(`${FILE}: it is not JSON`);
  });
});
