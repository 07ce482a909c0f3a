/**
 * Pages worth sharing and citing (issue 21, point 4), read from the built pages as Zotero's Embedded Metadata
 * translator, Google Scholar and a link preview read them: for the fixture partnership (with a hostile title) and for
 * partnership B (SCRs kept 24 months) under a path of its domain.
 */
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { Parser } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { documentsOf } from "../helpers/documents.ts";
import { FIXTURES, fixtureReviews, fixtureSite } from "../helpers/site.ts";
import { icoImages } from "../../tools/ico.ts";

const BUILD_DATE = "2026-11-26";
const PARTNERSHIP_B = path.join(FIXTURES, "partnership-b");
const HOSTILE = "Child </script><script>alert(1)</script>\u2028 & “Q”";

interface Built {
  project: FixtureProject;
  site: { url: string; partnership: { name: string } };
  reviews: {
    id: string;
    title: string;
    type: string;
    status: string;
    published?: string;
    themes?: string[];
    summary?: string;
    documents?: { kind: string; file?: string }[];
  }[];
}

interface Head {
  meta: Map<string, string[]>;
  links: { rel: string; href: string; type?: string }[];
  jsonLd: string[];
  text: string;
}

/** What a page's markup holds: its meta tags by name or property, its links, its JSON-LD scripts, its text. */
function readPage(html: string): Head {
  const head: Head = { meta: new Map(), links: [], jsonLd: [], text: "" };
  let inJson = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const key = attrs.name ?? attrs.property;
        if (name === "meta" && key) head.meta.set(key, [...(head.meta.get(key) ?? []), attrs.content ?? ""]);
        if (name === "link") head.links.push({ rel: attrs.rel ?? "", href: attrs.href ?? "", type: attrs.type });
        if (name === "script" && attrs.type === "application/ld+json") {
          inJson = true;
          head.jsonLd.push("");
        }
      },
      ontext(text) {
        if (inJson) head.jsonLd[head.jsonLd.length - 1] += text;
        else head.text += text;
      },
      onclosetag(name) {
        if (name === "script") inJson = false;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return head;
}

const one = (head: Head, key: string) => head.meta.get(key)?.[0];
const citationTags = (head: Head) => [...head.meta.keys()].filter((key) => key.startsWith("citation_"));

/** RIS fields as [tag, value] pairs, every line checked to be one. */
function parseRis(text: string): [string, string][] {
  const lines = text.split("\r\n");
  expect(lines.pop()).toBe("");
  return lines.map((line) => {
    const match = /^([A-Z][A-Z0-9]) {2}- (.*)$/.exec(line);
    expect(match, line).not.toBeNull();
    return [match![1]!, match![2]!];
  });
}

let a: Built;
let b: Built;

beforeAll(async () => {
  const reviewsA = [
    ...fixtureReviews(),
    // A delayed review whose overview report is already in its folder: still no citation_pdf_url.
    {
      id: "delayed-report",
      title: "Child Delayed Report",
      type: "SCR",
      area: "northshire",
      status: "delayed",
      published: "2026-06-01",
      summary: "A delayed review with its report file already given.",
      documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
    },
    {
      id: "hostile",
      title: HOSTILE,
      type: "CSPR",
      area: "southvale",
      status: "published",
      published: "2026-03-04",
      summary: "Line one\u2028still one. Two.",
      themes: ["</script>"],
    },
  ];
  const siteB = { ...fixtureSite(PARTNERSHIP_B), url: "https://learning.ehw-safeguarding.example.net/case-reviews" };
  const projectA = fixtureProject({ reviews: reviewsA, files: documentsOf(reviewsA as Record<string, unknown>[]) });
  const projectB = fixtureProject({ site: siteB, reviews: fixtureReviews(PARTNERSHIP_B) });
  cpSync(path.join(PARTNERSHIP_B, "reviews"), path.join(projectB.root, "reviews"), { recursive: true });
  const [builtA, builtB] = await Promise.all([projectA.run("build", [], { BUILD_DATE }), projectB.run("build", [], { BUILD_DATE })]);
  expect(builtA.code, builtA.stderr).toBe(0);
  expect(builtB.code, builtB.stderr).toBe(0);
  a = { project: projectA, site: fixtureSite() as Built["site"], reviews: reviewsA as Built["reviews"] };
  b = { project: projectB, site: siteB as Built["site"], reviews: fixtureReviews(PARTNERSHIP_B) as Built["reviews"] };
}, 240_000);

const TYPE_NAMES: Record<string, string> = { CSPR: "Child Safeguarding Practice Review", SCR: "Serious Case Review" };
const listedIn = (built: Built) =>
  built.reviews.filter(
    (r) => built.project.exists(`reviews/${r.id}/index.html`) && !built.project.read(`reviews/${r.id}/index.html`).includes('content="noindex"'),
  );
const removedIn = (built: Built) =>
  built.reviews.filter(
    (r) => built.project.exists(`reviews/${r.id}/index.html`) && built.project.read(`reviews/${r.id}/index.html`).includes('content="noindex"'),
  );
const pageUrl = (built: Built, id: string) => `${built.site.url}/reviews/${id}/`;

describe.each([
  ["the fixture partnership", () => a],
  ["partnership B, under a path", () => b],
])("sharing and citing, %s", (_, built) => {
  it("has removed and listed reviews of every status to check", () => {
    expect(removedIn(built()).length).toBeGreaterThan(0);
    expect(new Set(listedIn(built()).map((r) => r.status))).toEqual(new Set(["published", "withheld", "delayed"]));
  });

  it("gives each listed review Zotero's citation fields, true to the review: title, partnership, date, address, and the overview report's PDF only when published", () => {
    for (const review of listedIn(built())) {
      const page = readPage(built().project.read(`reviews/${review.id}/index.html`));
      const name = built().site.partnership.name;
      expect(one(page, "citation_title"), review.id).toBe(`${review.title}: ${TYPE_NAMES[review.type]}`);
      expect(page.meta.get("citation_author"), review.id).toEqual([name]);
      expect(one(page, "citation_publisher"), review.id).toBe(name);
      expect(one(page, "citation_public_url"), review.id).toBe(pageUrl(built(), review.id));
      expect(one(page, "citation_abstract_html_url"), review.id).toBe(pageUrl(built(), review.id));
      expect(one(page, "citation_publication_date"), review.id).toBe(review.status === "delayed" ? undefined : review.published!.replaceAll("-", "/"));
      const pdf = one(page, "citation_pdf_url");
      const hasPdf = (review.documents ?? []).some((doc) => doc.kind === "overview-report" && doc.file?.endsWith(".pdf"));
      if (review.status !== "published" || !hasPdf) expect(pdf, review.id).toBeUndefined();
      else {
        expect(pdf, review.id).toMatch(new RegExp(`^${pageUrl(built(), review.id)}[^/]+\\.pdf$`));
        const file = decodeURIComponent(new URL(pdf!).pathname.split("/").pop()!);
        expect(built().project.exists(`reviews/${review.id}/${file}`), pdf).toBe(true);
        expect(page.links.some((link) => link.rel === "canonical" && link.href === pageUrl(built(), review.id))).toBe(true);
      }
    }
  });

  it("describes each listed review in its own words, and never says a delayed one is published", () => {
    for (const review of listedIn(built())) {
      const page = readPage(built().project.read(`reviews/${review.id}/index.html`));
      const description = one(page, "description")!;
      expect(one(page, "og:description"), review.id).toBe(description);
      expect(one(page, "twitter:description"), review.id).toBe(description);
      expect(description, review.id).toContain(TYPE_NAMES[review.type]);
      if (review.status === "delayed") expect(description, review.id).not.toMatch(/\bpublished\b/i);
      else expect(description, review.id).toMatch(/published \d{1,2} [A-Z][a-z]+ \d{4}/);
      if (review.summary)
        expect(description.replace(/[‘’]/g, "'"), review.id).toContain(
          review.summary
            .replace(/\u2028/g, " ")
            .split(/(?<=\.) /)[0]!
            .replace(/\*\*/g, ""),
        );
      expect(one(page, "og:url"), review.id).toBe(pageUrl(built(), review.id));
      expect(one(page, "og:type"), review.id).toBe("article");
    }
  });

  it("gives each listed review JSON-LD that parses and agrees with its page, with the leaving date of an SCR", () => {
    for (const review of listedIn(built())) {
      const html = built().project.read(`reviews/${review.id}/index.html`);
      const page = readPage(html);
      expect(page.jsonLd, review.id).toHaveLength(1);
      const data = JSON.parse(page.jsonLd[0]!);
      expect(data["@type"]).toBe("Report");
      expect(data.name).toBe(one(page, "citation_title"));
      expect(data.url).toBe(pageUrl(built(), review.id));
      expect(data.publisher.name).toBe(built().site.partnership.name);
      expect(data.datePublished).toBe(review.status === "delayed" ? undefined : review.published);
      expect(data.description).toBe(one(page, "description"));
      expect(data.about?.map((theme: { name: string }) => theme.name) ?? []).toEqual(review.themes ?? []);
      const until = /<dt>On this site until<\/dt><dd><time datetime="([\d-]+)">/.exec(html)?.[1];
      expect(data.expires, review.id).toBe(until);
      if (review.type === "SCR" && review.published) expect(until, review.id).toBeDefined();
    }
  });

  it("gives each listed review a RIS file that parses (TY, TI, AU, PY, UR, ER) and a Cite this review block linking to it", () => {
    for (const review of listedIn(built())) {
      const fields = parseRis(built().project.read(`reviews/${review.id}/citation.ris`));
      const get = (tag: string) => fields.filter(([t]) => t === tag).map(([, value]) => value);
      expect(fields[0]).toEqual(["TY", "RPRT"]);
      expect(fields.at(-1)).toEqual(["ER", ""]);
      expect(get("TI")).toEqual([`${review.title.replace(/\u2028/g, " ").replace(/ {2,}/g, " ")}: ${TYPE_NAMES[review.type]}`]);
      expect(get("AU")).toEqual([built().site.partnership.name]);
      expect(get("PY")).toEqual(review.status === "delayed" ? [] : [review.published!.slice(0, 4)]);
      expect(get("UR")).toEqual([pageUrl(built(), review.id)]);
      const html = built().project.read(`reviews/${review.id}/index.html`);
      const page = readPage(html);
      expect(html).toMatch(/<h2 id="cite">Cite this review<\/h2>/);
      expect(html).toMatch(new RegExp(`href="${new URL(built().site.url).pathname.replace(/\/$/, "")}/reviews/${review.id}/citation\\.ris"`));
      const year = review.status === "delayed" ? "no date" : review.published!.slice(0, 4);
      expect(page.text).toContain(`${built().site.partnership.name} (${year}) `);
      expect(page.text).toContain(`Available at: ${pageUrl(built(), review.id)} (Accessed: 26 November 2026).`);
    }
  });

  it("gives a removed review's notice none of it: no citation tags, JSON-LD, RIS file or citation", () => {
    for (const review of removedIn(built())) {
      const html = built().project.read(`reviews/${review.id}/index.html`);
      const page = readPage(html);
      expect(citationTags(page), review.id).toEqual([]);
      expect(page.jsonLd, review.id).toEqual([]);
      expect(html).not.toContain("Cite this review");
      expect(built().project.exists(`reviews/${review.id}/citation.ris`), review.id).toBe(false);
    }
  });

  it("gives every page share tags and icons that are in the build, and no noindex page a citation tag", () => {
    const prefix = new URL(built().site.url).pathname.replace(/\/$/, "");
    const pages = built()
      .project.files()
      // Not the old /search/ address: a page that only sends the visitor on (a refresh) is not one to share.
      .filter((file) => file.endsWith(".html") && !file.startsWith("_") && !built().project.read(file).includes('http-equiv="refresh"'));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const page = readPage(built().project.read(file));
      for (const key of [
        "og:title",
        "og:description",
        "og:url",
        "og:type",
        "og:site_name",
        "og:locale",
        "twitter:card",
        "twitter:title",
        "twitter:description",
      ])
        expect(one(page, key), `${file} ${key}`).toBeTruthy();
      expect(one(page, "og:url")!.startsWith(`${built().site.url}/`), file).toBe(true);
      const icons = page.links.filter((link) => /\b(icon|apple-touch-icon)\b/.test(link.rel));
      expect(icons.map((link) => link.rel).sort(), file).toEqual(["apple-touch-icon", "icon", "icon", "icon", "icon"]);
      for (const { href } of icons) {
        expect(href.startsWith(`${prefix}/`), href).toBe(true);
        expect(built().project.exists(href.slice(prefix.length + 1)), href).toBe(true);
      }
      if (one(page, "robots") === "noindex") expect(citationTags(page), file).toEqual([]);
    }
    const ico = icoImages(readFileSync(path.join(built().project.root, "_site", "favicon.ico")));
    expect(ico.map((image) => image.width)).toEqual([16, 32, 48]);
  });
});

describe("a removed review's notice (the page a review leaves behind, made by the build at its date)", () => {
  it("names the review's own address in its share tags and printed line", () => {
    const ids = [...removedIn(a), ...removedIn(b)].map((review) => review.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const built of [a, b])
      for (const { id } of removedIn(built)) {
        const html = built.project.read(`reviews/${id}/index.html`);
        expect(one(readPage(html), "og:url"), id).toBe(pageUrl(built, id));
        expect(/<p class="print-source">([\s\S]*?)<\/p>/.exec(html)?.[1], id).toContain(pageUrl(built, id));
      }
  });
});

describe("a hostile title", () => {
  it("cannot break out of the JSON-LD script, and reaches the data exactly", () => {
    const html = a.project.read("reviews/hostile/index.html");
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(script).not.toMatch(/[<>\u2028\u2029]/);
    expect(JSON.parse(script).name).toBe(`${HOSTILE}: Child Safeguarding Practice Review`);
    expect(JSON.parse(script).keywords).toBe("</script>");
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(readPage(html).meta.get("og:title")).toEqual([`${HOSTILE}: Child Safeguarding Practice Review`]);
  });
});

describe("printing", () => {
  it("puts the partnership's name, the page's address and the date on a printed review and HTML version", () => {
    const css = a.project.read("assets/site.css");
    expect(css).toMatch(/@media print\s*{[^@]*\.print-source\s*{\s*display:\s*block/);
    for (const [file, address] of [
      ["reviews/child-amber/index.html", "https://reviews.example.org/reviews/child-amber/"],
      ["reviews/child-fern/overview-report/index.html", "https://reviews.example.org/reviews/child-fern/overview-report/"],
    ] as const) {
      const source = /<p class="print-source">([\s\S]*?)<\/p>/.exec(a.project.read(file))?.[1];
      expect(source, file).toContain(a.site.partnership.name);
      expect(source, file).toContain(address);
      expect(source, file).toContain("26 November 2026");
    }
  });
});
