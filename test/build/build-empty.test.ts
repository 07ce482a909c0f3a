import { parse } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import path from "node:path";
import { catalogueOf } from "../helpers/catalogue.ts";
import { CSV_COLUMNS } from "../../src/catalogue/open-data.ts";
import { checkBuiltSite } from "../../src/checks/site-check.ts";
import { fixtureProject } from "../helpers/fixture-project.ts";
import { fixturePdf } from "../helpers/documents.ts";
import { feedValidator } from "../helpers/feed.ts";

const PDF = fixturePdf("Fixture document");
const BUILD_DATE = "2026-11-26";

/** Every page a build writes whatever the data: none of them may depend on there being a listed or a dated review. */
const ALWAYS = [
  "index.html",
  "reviews/index.html",
  "search/index.html",
  "open-data/index.html",
  "accessibility/index.html",
  "404.html",
  "feed.xml",
  "sitemap.xml",
  "robots.txt",
  "reviews.json",
  "reviews.schema.json",
  "reviews.csv",
];

/** Build `reviews` at BUILD_DATE and check what every build must have, whatever it lists. */
async function buildAndCheck(reviews: unknown[], files: Record<string, string> = {}) {
  const site = fixtureProject({ reviews, files });
  const build = await site.run("build", [], { BUILD_DATE });
  expect(build.code, build.stderr).toBe(0);
  for (const file of ALWAYS) expect(site.exists(file), file).toBe(true);

  const feedXml = site.read("feed.xml");
  expect(XMLValidator.validate(feedXml)).toBe(true);
  const feed = new XMLParser({ ignoreAttributes: false }).parse(feedXml).feed;
  expect(feed.entry).toBeUndefined();
  // With nothing dated, the feed was last updated at the start of the build date in London (GMT in November).
  expect(feed.updated).toBe(`${BUILD_DATE}T00:00:00Z`);
  expect(XMLValidator.validate(site.read("sitemap.xml"))).toBe(true);
  expect(site.read("robots.txt")).toContain("Sitemap: https://reviews.example.org/sitemap.xml");

  const json = JSON.parse(site.read("reviews.json"));
  expect(json.buildDate).toBe(BUILD_DATE);
  // The review feed is valid against the schema the site publishes beside it, whatever it lists.
  expect(feedValidator(JSON.parse(site.read("reviews.schema.json")))(json)).toEqual([]);
  const csv = parse(site.read("reviews.csv")) as string[][];
  expect(csv[0]).toEqual(CSV_COLUMNS.map(([name]) => name));
  expect(csv.slice(1).map((row) => row[0])).toEqual(json.reviews.map((r: { id: string }) => r.id));
  // The nightly's check of the build passes too.
  expect(checkBuiltSite(path.join(site.root, "_site"), await catalogueOf(site.root, BUILD_DATE))).toEqual([]);
  return { site, json };
}

describe("a build with nothing to list, or nothing dated", () => {
  it("builds every page from an empty reviews.json", async () => {
    const { site, json } = await buildAndCheck([]);
    expect(json.reviews).toEqual([]);
    expect(site.read("reviews.csv")).toBe(`${CSV_COLUMNS.map(([name]) => name).join(",")}\r\n`);
    expect(site.read("index.html")).toContain("There are no reviews on this site at present.");
  });

  it("builds when the only review is an SCR whose 12 months ended on the build date, leaving only its notice", async () => {
    const scr = {
      id: "scr-gone",
      title: "Child Gone",
      type: "SCR",
      area: "northshire",
      status: "published",
      published: "2025-11-26",
      summary: "SECRET-SUMMARY",
      documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
    };
    const { site, json } = await buildAndCheck([scr], { "scr-gone/overview-report.pdf": PDF });
    expect(json.reviews).toEqual([]);
    const notice = site.read("reviews/scr-gone/index.html");
    expect(notice).toContain('<meta name="robots" content="noindex">');
    expect(notice).not.toContain("SECRET-SUMMARY");
    expect(site.files().filter((f) => f.startsWith("reviews/scr-gone/"))).toEqual(["reviews/scr-gone/index.html"]);
    expect(site.files().filter((f) => f.endsWith(".pdf"))).toEqual([]);
    expect(site.read("feed.xml")).not.toContain("Child Gone");
    expect(site.read("sitemap.xml")).not.toContain("scr-gone");
  });

  it("builds when the only listed reviews are delayed and have no date yet", async () => {
    const delayed = (id: string, type: string) => ({ id, title: `Child ${id}`, type, area: "southvale", status: "delayed", themes: ["neglect"] });
    const { site, json } = await buildAndCheck([delayed("waiting-a", "SCR"), delayed("waiting-b", "CSPR")]);
    expect(json.reviews.map((r: { id: string; published: unknown }) => [r.id, r.published])).toEqual([
      ["waiting-a", null],
      ["waiting-b", null],
    ]);
    expect(site.read("reviews/waiting-a/index.html")).toContain("Not yet published");
    expect(site.exists("reviews/theme/neglect/index.html")).toBe(true);
  });
});
