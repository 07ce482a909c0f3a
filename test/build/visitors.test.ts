import path from "node:path";
import { parse } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { fixturePdf } from "../helpers/documents.ts";
import { indexedUrls } from "../../src/eleventy/search-index.ts";

const PDF = fixturePdf("Fixture document");
const QUOTED = 'Child "Q", the second';

const reviews = [
  {
    id: "one",
    title: "Child One",
    type: "CSPR",
    area: "northshire",
    status: "published",
    published: "2026-05-01",
    summary: "About **neglect**.",
    themes: ["neglect", "domestic abuse"],
    documents: [
      { kind: "overview-report", title: "Overview report", file: "overview-report.pdf" },
      { kind: "response", title: "Response", url: "https://www.gov.uk/r" },
    ],
  },
  { id: "two", title: QUOTED, type: "CSPR", area: "southvale", status: "withheld", published: "2025-03-03", themes: ["neglect"] },
  {
    id: "three",
    title: "Child Three",
    type: "SCR",
    area: "northshire",
    status: "published",
    published: "2026-02-02",
    themes: ["domestic abuse", "safe sleep"],
  },
  {
    id: "four",
    title: "Child Four",
    type: "SCR",
    area: "northshire",
    status: "published",
    published: "2025-01-01",
    summary: "REMOVED-SUMMARY",
    themes: ["neglect", "safe sleep"],
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
  },
  { id: "five", title: "Child Five", type: "SCR", area: "northshire-and-southvale", status: "delayed", themes: ["Neglect"] },
];

describe("finding and reusing reviews (built site)", () => {
  let site: FixtureProject;
  beforeAll(async () => {
    site = fixtureProject({
      reviews: reviews.map((r) => (r.id === "five" ? { ...r, themes: ["neglect"] } : r)),
      files: { "one/overview-report.pdf": PDF, "four/overview-report.pdf": PDF },
    });
    const build = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(build.code, build.stderr).toBe(0);
  });

  const linksIn = (html: string) => [...html.matchAll(/href="\/reviews\/([a-z0-9-]+)\/"/g)].map((m) => m[1]);

  it("writes a filter page for each area, type, year and theme, with the listed reviews and their count", () => {
    const northshire = site.read("reviews/area/northshire/index.html");
    expect(northshire).toContain("<h1>Reviews in Northshire</h1>");
    expect(northshire).toContain("2 reviews on this site, newest first.");
    expect(linksIn(northshire)).toEqual(["one", "three"]);
    const neglect = site.read("reviews/theme/neglect/index.html");
    expect(neglect).toContain("<h1>Reviews on the theme “neglect”</h1>");
    expect(linksIn(neglect)).toEqual(["five", "one", "two"]);
    expect(neglect).toContain('id="footnote-withheld"');
    expect(neglect).toContain('id="footnote-delayed"');
    expect(linksIn(site.read("reviews/type/scr/index.html"))).toEqual(["five", "three"]);
    expect(linksIn(site.read("reviews/year/2025/index.html"))).toEqual(["two"]);
    expect(site.exists("reviews/theme/domestic-abuse/index.html")).toBe(true);
    // Safe sleep is a theme of a listed review (three) and of a removed one (four): only the listed one counts.
    expect(linksIn(site.read("reviews/theme/safe-sleep/index.html"))).toEqual(["three"]);
  });

  it("links to the filter pages, with counts, from the browse page, the listing and each review", () => {
    const browse = site.read("reviews/index.html");
    expect(browse).toContain('<a href="/reviews/theme/neglect/">neglect</a> (3 reviews)');
    expect(browse).toContain('<a href="/reviews/area/northshire/">Northshire</a> (2 reviews)');
    expect(browse).toContain('<a href="/reviews/year/2026/">2026</a> (2 reviews)');
    const index = site.read("index.html");
    expect(index).toContain('<a href="/reviews/area/northshire/">Northshire (2)</a>');
    expect(index).toContain('<option value="neglect" data-filter="neglect" data-label="neglect">neglect (3)</option>');
    const review = site.read("reviews/one/index.html");
    expect(review).toContain('<a href="/reviews/theme/domestic-abuse/" data-pagefind-filter="theme">domestic abuse</a> <span class="count">(2 reviews)</span>');
  });

  it("shows related reviews that share a theme, and never a removed one", () => {
    const review = site.read("reviews/one/index.html");
    const related = review.slice(review.indexOf('id="related"'));
    expect(linksIn(related)).toEqual(["five", "three", "two"]);
    expect(related).not.toContain("Child Four");
  });

  it("publishes an Atom feed: well-formed, absolute links, newest first, no removed review", () => {
    const xml = site.read("feed.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    const entries = [feed.entry].flat();
    expect(entries.map((e: { link: { "@_href": string } }) => e.link["@_href"])).toEqual([
      "https://reviews.example.org/reviews/one/",
      "https://reviews.example.org/reviews/three/",
      "https://reviews.example.org/reviews/two/",
    ]);
    expect(entries[0].published).toBe("2026-04-30T23:00:00Z");
    expect(feed.updated).toBe("2026-04-30T23:00:00Z");
    expect(feed.link.map((l: { "@_href": string }) => l["@_href"])).toEqual(["https://reviews.example.org/feed.xml", "https://reviews.example.org/"]);
    expect(xml).not.toContain("Child Four");
    expect(xml).not.toContain("REMOVED-SUMMARY");
    expect(entries[2].title).toBe(`${QUOTED}: Child Safeguarding Practice Review`);
  });

  it("lists every listed page in sitemap.xml and none of the removal notices, and robots.txt points to it", () => {
    const xml = site.read("sitemap.xml");
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = [new XMLParser().parse(xml).urlset.url].flat().map((u: { loc: string }) => u.loc);
    expect(urls).toContain("https://reviews.example.org/");
    for (const id of ["one", "two", "three", "five"]) expect(urls).toContain(`https://reviews.example.org/reviews/${id}/`);
    expect(urls).toContain("https://reviews.example.org/reviews/theme/neglect/");
    expect(urls).not.toContain("https://reviews.example.org/reviews/four/");
    expect(
      urls.every((u) =>
        site.exists(
          u
            .replace("https://reviews.example.org/", "")
            .replace(/\/?$/, "/index.html")
            .replace(/^\/index/, "index"),
        ),
      ),
    ).toBe(true);
    expect(site.read("robots.txt")).toContain("Sitemap: https://reviews.example.org/sitemap.xml");
    expect(site.read("reviews/one/index.html")).toContain('<link rel="canonical" href="https://reviews.example.org/reviews/one/">');
    expect(site.read("reviews/four/index.html")).not.toContain('rel="canonical"');
  });

  it("publishes the listed reviews as the review feed and as CSV, with the same records", () => {
    const json = JSON.parse(site.read("reviews.json"));
    expect(json.buildDate).toBe("2026-11-26");
    expect(json.reviews.map((r: { id: string }) => r.id)).toEqual(["five", "one", "three", "two"]);
    const pdfBytes = Buffer.byteLength(PDF);
    expect(json.reviews[1]).toEqual({
      id: "one",
      title: "Child One",
      type: "CSPR",
      typeName: "Child Safeguarding Practice Review",
      area: "northshire",
      areaName: "Northshire",
      status: "published",
      statusText: "Published",
      footnote: null,
      published: "2026-05-01",
      leaves: null,
      themes: ["neglect", "domestic abuse"],
      summary: "About neglect.",
      pageUrl: "https://reviews.example.org/reviews/one/",
      documents: [
        {
          kind: "overview-report",
          title: "Overview report",
          url: "https://reviews.example.org/reviews/one/overview-report.pdf",
          format: "PDF",
          bytes: pdfBytes,
          pages: 1,
        },
        { kind: "response", title: "Response", url: "https://www.gov.uk/r", format: null, bytes: null, pages: null },
      ],
    });
    const rows = parse(site.read("reviews.csv"), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(json.reviews.length);
    rows.forEach((row, i) => {
      const record = json.reviews[i];
      expect(row).toEqual({
        id: record.id,
        title: record.title,
        type: record.type,
        area: record.area,
        area_name: record.areaName,
        status: record.status,
        footnote_code: record.footnote?.code ?? "",
        published: record.published ?? "",
        themes: record.themes.join("; "),
        page_url: record.pageUrl,
        document_urls: record.documents.map((doc: { url: string }) => doc.url).join(" "),
      });
    });
    expect(rows[3]).toMatchObject({ title: QUOTED, footnote_code: "*" });
    expect(site.read("reviews.csv")).toContain('"Child ""Q"", the second"');
    expect(JSON.stringify(json)).not.toContain('"four"');
  });

  it("indexes only listed reviews for search", () => {
    const entry = JSON.parse(site.read("pagefind/pagefind-entry.json"));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
    // The listed reviews' four pages, each with its documents' places inside it; nothing of review "four".
    const urls = indexedUrls(path.join(site.root, "_site"));
    expect(pages).toBe(urls.filter((url) => !url.includes("#")).length);
    expect(urls.filter((url) => !url.includes("#"))).toHaveLength(4);
    expect(urls.filter((url) => url.startsWith("/reviews/four/"))).toEqual([]);
    expect(site.read("reviews/four/index.html")).not.toContain("data-pagefind-body");
  });
});
