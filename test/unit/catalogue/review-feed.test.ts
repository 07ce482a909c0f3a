import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../../src/catalogue/index.ts";
import { reviewFeed, reviewFeedJson } from "../../../src/catalogue/review-feed.ts";
import { schemaText } from "../../../src/content/json-schema.ts";
import { FEED_VERSION, feedDocumentSchema, feedJsonSchema, feedRecordSchema, feedSchema } from "../../../src/model/review-feed.ts";
import type { Review } from "../../../src/model/review.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import { removalDate } from "../../../src/rules/publication.ts";
import { feedValidator } from "../../helpers/feed.ts";
import { FIXTURES, fixtureSite, PROJECT_ROOT } from "../../helpers/site.ts";

/** The fixture partnership under a path of its domain, and partnership B (SCRs kept 24 months). */
const siteA = { ...(fixtureSite() as unknown as SiteSettings), url: "https://www.example.org/review" };
const siteB = fixtureSite(path.join(FIXTURES, "partnership-b")) as unknown as SiteSettings;
const BUILD_DATE = "2026-11-26";
const HOSTILE = 'Child </script><script>alert(1)</script>\u2028\u2029 & <b>"q"</b> =cmd|A0';

const problems = feedValidator();

function review(id: string, fields: Partial<Review> = {}): Review {
  return { id, title: id, type: "CSPR", area: "northshire", status: "published", published: "2025-01-01", themes: [], documents: [], ...fields };
}

const pdf = {
  kind: "overview-report",
  title: "Overview report",
  file: "overview report #1.pdf",
  bytes: 123_456,
  facts: { format: "pdf", pages: 42, title: "Child Live", language: "en-GB", tagged: true, hasText: true, text: "inside the report" },
} as const;

const REVIEWS: Review[] = [
  review("live-scr", {
    type: "SCR",
    title: "Child Live",
    published: "2026-01-10",
    summary: "Child Live was hurt at **home**, see [the brief](https://example.org/b).\n\nThe review found more.",
    themes: ["neglect", "safe sleep"],
    documents: [
      { kind: "learning-brief", title: "Seven minute briefing", url: "https://www.gov.uk/brief.pdf" },
      pdf,
      { kind: "other", title: "Read online", file: "report.md", bytes: 900, facts: { format: "markdown", source: "# Report\n" } },
    ],
  }),
  review("expired-scr", { type: "SCR", published: "2025-11-26", summary: "Text of a removed review." }),
  review("scheduled", { published: "2026-12-01", summary: "Not yet." }),
  review("withheld", {
    status: "withheld",
    published: "2026-02-03",
    documents: [{ kind: "learning-brief", title: "Learning brief", file: "brief.docx", bytes: 2048 }],
  }),
  review("delayed-undated", { type: "SCR", status: "delayed", published: undefined }),
  review("hostile", { title: HOSTILE, area: "southvale", summary: `${HOSTILE}\u2028next line <img src=x onerror=alert(1)>`, themes: [HOSTILE] }),
];

describe.each([
  ["the fixture partnership, under a path", siteA, "northshire"],
  ["partnership B, keeping SCRs 24 months", siteB, Object.keys(siteB.areas)[0]!],
])("the review feed of %s", (_, site, area) => {
  const reviews = REVIEWS.map((r) => ({ ...r, area: r.area === "northshire" ? area : (Object.keys(site.areas)[1] ?? area) }));
  const catalogue = buildCatalogue(reviews, site, BUILD_DATE);
  const feed = JSON.parse(reviewFeedJson(catalogue));
  const record = (id: string) => feed.reviews.find((r: { id: string }) => r.id === id);

  it("validates against its own JSON Schema, and against the zod schema it comes from", () => {
    expect(problems(feed)).toEqual([]);
    expect(feedSchema.safeParse(feed).error).toBeUndefined();
  });

  it("names its version, its schema beside it, the build date and the publisher with its address and retention period", () => {
    expect(feed.version).toBe(FEED_VERSION);
    expect(feed.$schema).toBe(`${site.url.replace(/\/$/, "")}/reviews.schema.json`);
    expect(feed.buildDate).toBe(BUILD_DATE);
    expect(feed.publisher).toEqual({ name: site.partnership.name, url: site.url, retentionMonths: site.retentionMonths });
  });

  it("lists exactly the reviews the site lists today, newest first: no removed SCR nor scheduled review", () => {
    expect(feed.reviews.map((r: { id: string }) => r.id)).toEqual(catalogue.listed.map((r) => r.id));
    const expiredListed = site.retentionMonths > 12;
    expect(feed.reviews.some((r: { id: string }) => r.id === "expired-scr")).toBe(expiredListed);
    expect(record("scheduled")).toBeUndefined();
    if (!expiredListed) expect(reviewFeedJson(catalogue)).not.toContain("Text of a removed review");
  });

  it("gives an SCR's leaving day by the publication rule, and none for a CSPR or an SCR with no date", () => {
    expect(record("live-scr").leaves).toBe(removalDate("2026-01-10", site));
    expect(record("withheld").leaves).toBeNull();
    expect(record("delayed-undated").leaves).toBeNull();
    expect(record("delayed-undated").published).toBeNull();
  });

  it("gives each field of a review with its documents' kind, title, address, format, size and pages", () => {
    const base = site.url.replace(/\/$/, "");
    expect(record("live-scr")).toEqual({
      id: "live-scr",
      title: "Child Live",
      type: "SCR",
      typeName: "Serious Case Review",
      area,
      areaName: site.areas[area],
      status: "published",
      statusText: "Published",
      footnote: null,
      published: "2026-01-10",
      leaves: removalDate("2026-01-10", site),
      themes: ["neglect", "safe sleep"],
      summary: "Child Live was hurt at home, see the brief. The review found more.",
      pageUrl: `${base}/reviews/live-scr/`,
      documents: [
        {
          kind: "overview-report",
          title: "Overview report",
          url: `${base}/reviews/live-scr/overview%20report%20%231.pdf`,
          format: "PDF",
          bytes: 123_456,
          pages: 42,
        },
        { kind: "learning-brief", title: "Seven minute briefing", url: "https://www.gov.uk/brief.pdf", format: "PDF", bytes: null, pages: null },
        { kind: "other", title: "Read online", url: `${base}/reviews/live-scr/report/`, format: "HTML", bytes: null, pages: null },
      ],
    });
  });

  it("gives a withheld review its footnote's code and words, and no overview report", () => {
    expect(record("withheld")).toMatchObject({
      status: "withheld",
      footnote: { code: site.footnotes.withheld.code, text: site.footnotes.withheld.text },
      documents: [{ kind: "learning-brief", format: "Word document", bytes: 2048, pages: null }],
    });
    expect(record("delayed-undated").footnote).toEqual({ code: site.footnotes.delayed.code, text: site.footnotes.delayed.text });
  });

  it("keeps hostile strings exactly as written, and the summary as plain text on one line", () => {
    const hostile = record("hostile");
    expect(hostile.title).toBe(HOSTILE);
    expect(hostile.themes).toEqual([HOSTILE]);
    expect(hostile.summary).not.toMatch(/[\u2028\u2029\n\r]/);
    expect(hostile.summary).toContain("next line <img src=x onerror=alert(1)>");
  });

  it("has in each record and document exactly the fields the schema documents (a partnership's own feed names no source)", () => {
    // `source` is a finder's alone (src/catalogue/finder.ts).
    const recordFields = Object.keys(feedRecordSchema.shape)
      .filter((field) => field !== "source")
      .sort();
    const documentFields = Object.keys(feedDocumentSchema.shape).sort();
    expect(Object.keys(feed).sort()).toEqual(Object.keys(feedSchema.shape).sort());
    for (const r of feed.reviews) {
      expect(Object.keys(r).sort(), r.id).toEqual(recordFields);
      for (const doc of r.documents) expect(Object.keys(doc).sort(), r.id).toEqual(documentFields);
    }
  });
});

describe("the review feed with nothing listed", () => {
  it("is a valid feed with no reviews", () => {
    const feed = reviewFeed(buildCatalogue([], siteB, BUILD_DATE));
    expect(problems(feed)).toEqual([]);
    expect(feed.reviews).toEqual([]);
  });
});

describe("the feed's JSON Schema", () => {
  it("refuses a feed that is not one: another version, a review without an address, a date that does not exist", () => {
    const feed = reviewFeed(buildCatalogue(REVIEWS, siteA, BUILD_DATE));
    expect(problems({ ...feed, version: FEED_VERSION + 1 })).not.toEqual([]);
    const [first, ...rest] = feed.reviews;
    expect(problems({ ...feed, reviews: [{ ...first, pageUrl: "javascript:alert(1)" }, ...rest] })).not.toEqual([]);
    expect(problems({ ...feed, reviews: [{ ...first, published: "2026-02-30" }, ...rest] })).not.toEqual([]);
    expect(problems({ ...feed, reviews: [{ ...first, documents: undefined }, ...rest] })).not.toEqual([]);
  });

  it("accepts a field it does not know, as a newer release of the same version may add one", () => {
    const feed = reviewFeed(buildCatalogue(REVIEWS, siteA, BUILD_DATE));
    expect(problems({ ...feed, generator: "x", reviews: feed.reviews.map((r) => ({ ...r, added: 1 })) })).toEqual([]);
  });

  it("is the one in schema/feed.schema.json (run npm run schema)", () => {
    expect(readFileSync(path.join(PROJECT_ROOT, "schema", "feed.schema.json"), "utf8")).toBe(schemaText(feedJsonSchema()));
  });
});
