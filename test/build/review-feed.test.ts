/**
 * The review feed (issue 23, part 1) as an aggregator reads it from a built site: `/reviews.json` checked
 * against the `/reviews.schema.json` published beside it, every record true to the review's page (its
 * JSON-LD, citation tags and document links, compared field by field), nothing of a removed review, for
 * the fixture partnership (with hostile strings) and partnership B (SCRs kept 24 months) under a path.
 */
import { cpSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Parser } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { firstSentence } from "../../src/catalogue/citation.ts";
import { schemaText } from "../../src/content/json-schema.ts";
import {
  FEED_VERSION,
  feedDocumentSchema,
  feedJsonSchema,
  feedRecordSchema,
  feedSchema,
  type FeedRecord,
  type ReviewFeed,
} from "../../src/model/review-feed.ts";
import { documentsOf } from "../helpers/documents.ts";
import { feedValidator } from "../helpers/feed.ts";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { FIXTURES, fixtureReviews, fixtureSite, PROJECT_ROOT } from "../helpers/site.ts";

const BUILD_DATE = "2026-11-26";
const PARTNERSHIP_B = path.join(FIXTURES, "partnership-b");
const HOSTILE = 'Child </script><script>alert(1)</script>\u2028 & “Q” <img src=x onerror=alert(1)> =HYPERLINK("x")';
const THEME = "<img src=x onerror=alert(1)> & “Q” =1+1";

interface Built {
  project: FixtureProject;
  feed: ReviewFeed;
  /** Ids the input holds that the build date has removed (SCRs past their period). */
  removed: string[];
  footnotes: Record<"withheld" | "delayed", { code: string; text: string }>;
}

interface Page {
  meta: Map<string, string[]>;
  canonical?: string;
  jsonLd: string[];
  /** The review's document links, in order: their address and their words. */
  documents: { href: string; text: string }[];
  until?: string;
}

/** What a review page's markup says: meta tags, canonical link, JSON-LD, document links and leaving date. */
function readPage(html: string): Page {
  const page: Page = { meta: new Map(), jsonLd: [], documents: [] };
  let inJson = false;
  let inDocument = false;
  let inUntil = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const key = attrs.name ?? attrs.property;
        if (name === "meta" && key) page.meta.set(key, [...(page.meta.get(key) ?? []), attrs.content ?? ""]);
        if (name === "link" && attrs.rel === "canonical") page.canonical = attrs.href;
        if (name === "script" && attrs.type === "application/ld+json") {
          inJson = true;
          page.jsonLd.push("");
        }
        if (name === "li" && /^document-\d+$/.test(attrs.id ?? "")) inDocument = true;
        if (name === "a" && inDocument) page.documents.push({ href: attrs.href ?? "", text: "" });
        if (name === "time" && inUntil) page.until = attrs.datetime;
      },
      ontext(text) {
        if (inJson) page.jsonLd[page.jsonLd.length - 1] += text;
        if (inDocument && page.documents.length) page.documents.at(-1)!.text += text;
        if (text === "On this site until") inUntil = true;
      },
      onclosetag(name) {
        if (name === "script") inJson = false;
        if (name === "a" || name === "li") inDocument = false;
        if (name === "dd") inUntil = false;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return page;
}

let a: Built;
let b: Built;

beforeAll(async () => {
  const reviewsA = [
    ...fixtureReviews(),
    {
      id: "hostile",
      title: HOSTILE,
      type: "SCR",
      area: "southvale",
      status: "published",
      published: "2026-03-04",
      summary: `${HOSTILE}\u2028 said **[one](https://example.org/x)**. Two.`,
      themes: ["</script>", THEME],
    },
  ];
  const siteB = { ...fixtureSite(PARTNERSHIP_B), url: "https://learning.ehw-safeguarding.example.net/case-reviews" };
  const projectA = fixtureProject({ reviews: reviewsA, files: documentsOf(reviewsA) });
  const projectB = fixtureProject({ site: siteB, reviews: fixtureReviews(PARTNERSHIP_B) });
  cpSync(path.join(PARTNERSHIP_B, "reviews"), path.join(projectB.root, "reviews"), { recursive: true });
  const [builtA, builtB] = await Promise.all([projectA.run("build", [], { BUILD_DATE }), projectB.run("build", [], { BUILD_DATE })]);
  expect(builtA.code, builtA.stderr).toBe(0);
  expect(builtB.code, builtB.stderr).toBe(0);
  const footnotes = (site: unknown) => (site as Pick<Built, "footnotes">).footnotes;
  a = { project: projectA, feed: JSON.parse(projectA.read("reviews.json")), removed: ["child-hazel", "baby-ivy"], footnotes: footnotes(fixtureSite()) };
  b = { project: projectB, feed: JSON.parse(projectB.read("reviews.json")), removed: ["family-yarrow"], footnotes: footnotes(siteB) };
}, 240_000);

/** A file of the build at a feed address on its own site, or undefined for an address elsewhere. */
function fileAt(built: Built, address: string): string | undefined {
  const site = built.feed.publisher.url.replace(/\/?$/, "/");
  if (!address.startsWith(site)) return undefined;
  const file = decodeURIComponent(new URL(address).pathname.slice(new URL(site).pathname.length));
  return file.endsWith("/") ? `${file}index.html` : file;
}

const pageOf = (built: Built, record: FeedRecord) => readPage(built.project.read(fileAt(built, record.pageUrl)!));

describe.each([
  ["the fixture partnership, with hostile strings", () => a],
  ["partnership B, keeping SCRs 24 months, under a path", () => b],
])("the review feed of %s", (_, built) => {
  it("validates against the JSON Schema the site publishes beside it, which is the project's schema/feed.schema.json", () => {
    const published = built().project.read("reviews.schema.json");
    expect(published).toBe(readFileSync(path.join(PROJECT_ROOT, "schema", "feed.schema.json"), "utf8"));
    expect(published).toBe(schemaText(feedJsonSchema()));
    expect(feedValidator(JSON.parse(published))(built().feed)).toEqual([]);
    expect(built().feed.$schema).toBe(`${built().feed.publisher.url}/reviews.schema.json`);
  });

  it("has every field named on /open-data/, with the format's version and a link to the schema", () => {
    const page = built().project.read("open-data/index.html");
    for (const field of Object.keys(feedRecordSchema.shape)) expect(page, field).toContain(`<td><code>${field}</code></td>`);
    for (const field of [...Object.keys(feedSchema.shape), ...Object.keys(feedDocumentSchema.shape), ...Object.keys(feedSchema.shape.publisher.shape)])
      expect(page, field).toContain(`<code>${field}</code>`);
    expect(page).toContain(`(now ${FEED_VERSION},`);
    expect(page).toMatch(/<a href="[^"]*\/reviews\.schema\.json">/);
  });

  it("has statuses of every kind to check, and an SCR that has left the site", () => {
    expect(new Set(built().feed.reviews.map((r) => r.status))).toEqual(new Set(["published", "withheld", "delayed"]));
    expect(built().removed.length).toBeGreaterThan(0);
  });

  it("never names a review that has left the site: not its id, its address nor its title", () => {
    const text = built().project.read("reviews.json");
    for (const id of built().removed) {
      expect(built().project.read(`reviews/${id}/index.html`), id).toContain('content="noindex"');
      expect(text, id).not.toContain(`/reviews/${id}/`);
      expect(built().feed.reviews.map((r) => r.id)).not.toContain(id);
    }
  });

  it("gives a withheld review its code and words, and no overview report; a delayed one with no date is published null", () => {
    for (const record of built().feed.reviews.filter((r) => r.status !== "published")) {
      const { code, text } = built().footnotes[record.status as "withheld" | "delayed"];
      expect(record.footnote, record.id).toEqual({ code, text });
      expect(pageOf(built(), record).documents.length).toBe(record.documents.length);
      if (record.status === "withheld") expect(record.documents.map((doc) => doc.kind)).not.toContain("overview-report");
    }
    const undated = built().feed.reviews.filter((r) => r.status === "delayed" && r.published === null);
    expect(undated.length).toBeGreaterThan(0);
    for (const record of undated) expect(record.leaves).toBeNull();
  });

  it("gives each document's address, size and page count as the build has it, and the page links exactly those documents", () => {
    for (const record of built().feed.reviews) {
      const page = pageOf(built(), record);
      expect(
        page.documents.map((link) => new URL(link.href, record.pageUrl).href),
        record.id,
      ).toEqual(record.documents.map((doc) => doc.url));
      record.documents.forEach((doc, i) => {
        expect(page.documents[i]!.text, record.id).toContain(doc.title.trim());
        const file = fileAt(built(), doc.url);
        if (file) expect(built().project.exists(file), doc.url).toBe(true);
        if (!file || doc.format === "HTML") {
          expect([doc.bytes, doc.pages], doc.url).toEqual([null, null]);
          return;
        }
        expect(doc.bytes, doc.url).toBe(statSync(path.join(built().project.root, "_site", file)).size);
        const pages = /, ([\d,]+) pages?\)$/.exec(page.documents[i]!.text.trim())?.[1];
        expect(doc.pages, doc.url).toBe(doc.format === "PDF" ? Number(pages?.replaceAll(",", "")) : null);
      });
    }
  });

  it("agrees, field by field, with each review page's JSON-LD and citation tags", () => {
    const { publisher } = built().feed;
    for (const record of built().feed.reviews) {
      const page = pageOf(built(), record);
      const tag = (name: string) => page.meta.get(name);
      expect(page.jsonLd, record.id).toHaveLength(1);
      const ld = JSON.parse(page.jsonLd[0]!);
      const dated = record.status === "delayed" ? undefined : (record.published ?? undefined);
      const title = `${record.title}: ${record.typeName}`;
      expect(ld.name, record.id).toBe(title);
      expect(tag("citation_title"), record.id).toEqual([title]);
      expect([ld.url, page.canonical, ...tag("citation_public_url")!, ...tag("citation_abstract_html_url")!, ...tag("og:url")!]).toEqual(
        Array(5).fill(record.pageUrl),
      );
      expect(ld.author, record.id).toEqual({ "@type": "Organization", name: publisher.name });
      expect(ld.publisher, record.id).toEqual({ "@type": "Organization", name: publisher.name, url: publisher.url });
      for (const name of ["citation_author", "citation_publisher", "citation_technical_report_institution"]) expect(tag(name), name).toEqual([publisher.name]);
      expect(ld.datePublished, record.id).toBe(dated);
      expect(tag("citation_publication_date"), record.id).toEqual(dated ? [dated.replaceAll("-", "/")] : undefined);
      expect(ld.expires, record.id).toBe(record.leaves ?? undefined);
      expect(page.until, record.id).toBe(record.leaves ?? undefined);
      expect(ld.about?.map((theme: { name: string }) => theme.name) ?? [], record.id).toEqual(record.themes);
      expect(ld.keywords, record.id).toBe(record.themes.length ? record.themes.join(", ") : undefined);
      expect(tag("citation_keywords"), record.id).toEqual(record.themes.length ? [record.themes.join("; ")] : undefined);
      expect(ld.description, record.id).toContain(`${record.typeName}, ${record.areaName}`);
      if (record.summary) expect(ld.description.endsWith(` ${firstSentence(record.summary)}`), `${record.id}: ${ld.description}`).toBe(true);
      expect(tag("description"), record.id).toEqual([ld.description]);
      const pdf = record.documents.find((doc) => doc.kind === "overview-report" && doc.format === "PDF");
      expect(tag("citation_pdf_url"), record.id).toEqual(record.status === "published" && pdf ? [pdf.url] : undefined);
    }
  });
});

describe("the review feed of a partnership's hostile strings", () => {
  it("keeps the title and themes exactly, and the summary's words as plain text on one line", () => {
    const record = a.feed.reviews.find((r) => r.id === "hostile")!;
    expect(record.title).toBe(HOSTILE);
    expect(record.themes).toEqual(["</script>", THEME]);
    expect(record.summary).toContain("Child </script><script>alert(1)</script> & “Q” <img src=x onerror=alert(1)>");
    expect(record.summary).toMatch(/ said one\. Two\.$/);
    expect(record.summary).not.toMatch(/[\u2028\n*]|\]\(/);
  });
});
