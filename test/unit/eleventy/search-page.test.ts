import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import type { DocumentSearchRecord } from "../../../src/catalogue/views.ts";
import { SEARCH_WEIGHTS, searchPageHtml, sectionLinkKey } from "../../../src/eleventy/search-page.ts";
import { escapeHtml } from "../../../src/model/html.ts";

const HOSTILE = `Baby "Q" <script>alert('x')</script> & <img src=x onerror=alert(1)>`;

/** The elements of a page, as a parser reads them: name, attributes and own text. */
function elementsOf(html: string): { name: string; attrs: Record<string, string>; text: string }[] {
  const found: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const open: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const parser = new Parser(
    {
      onopentag: (name, attrs) => {
        const el = { name, attrs, text: "" };
        found.push(el);
        open.push(el);
      },
      ontext: (text) => {
        const el = open.at(-1);
        if (el) el.text += text;
      },
      onclosetag: () => void open.pop(),
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return found;
}

const record = (fields: Partial<DocumentSearchRecord> = {}): DocumentSearchRecord => ({
  url: "/reviews/baby-q/",
  title: HOSTILE,
  text: `Summary. ${HOSTILE}`,
  filters: { type: ["SCR"], area: ["North & South"], theme: ["neglect", 'say "no"'] },
  meta: { type: "SCR", area: "North & South", published: "1 May 2026" },
  sort: { newest: "3", title: "7" },
  sections: [
    { anchor: "document-1", title: "Overview report (PDF, 1 MB, 4 pages)", url: "/reviews/baby-q/#document-1", text: `The panel met. ${HOSTILE}` },
    { anchor: "document-2", title: "Overview report (HTML)", url: "/reviews/baby-q/overview-report/", text: "Findings." },
  ],
  ...fields,
});

describe("a review's search page, as Pagefind indexes it", () => {
  const elements = elementsOf(searchPageHtml(record(), "en-GB"));
  const attr = (kind: string, key: string) => elements.filter((el) => el.attrs[`data-pagefind-${kind}`] === `${key}[content]`).map((el) => el.attrs.content);

  it("holds every value from the data as text, never as markup", () => {
    expect(elements.map((el) => el.name)).not.toContain("script");
    expect(elements.map((el) => el.name)).not.toContain("img");
    expect(elements.find((el) => el.name === "h1")!.text).toBe(HOSTILE);
    expect(elements.find((el) => el.name === "title")!.text).toBe(HOSTILE);
    expect(attr("meta", "title")).toEqual([HOSTILE]);
    expect(attr("filter", "theme")).toEqual(["neglect", 'say "no"']);
    expect(attr("filter", "area")).toEqual(["North & South"]);
  });

  it("gives each document a heading with the id of its place on the review page, and the review's filters, sort keys and what a result shows", () => {
    expect(elements.filter((el) => el.name === "h2").map((el) => [el.attrs.id, el.text])).toEqual([
      ["document-1", "Overview report (PDF, 1 MB, 4 pages)"],
      ["document-2", "Overview report (HTML)"],
    ]);
    expect(attr("sort", "newest")).toEqual(["3"]);
    expect(attr("sort", "title")).toEqual(["7"]);
    expect(attr("meta", "published")).toEqual(["1 May 2026"]);
    // Filters and sort keys inside the indexed element, where Pagefind reads them.
    const body = elements.findIndex((el) => el.attrs["data-pagefind-body"] !== undefined);
    const firstFilter = elements.findIndex((el) => el.attrs["data-pagefind-filter"]);
    expect(body).toBeGreaterThanOrEqual(0);
    expect(firstFilter).toBeGreaterThan(body);
  });

  it("links an HTML version's section to its own page, relative to the review's address, and a PDF's to its place", () => {
    expect(attr("meta", sectionLinkKey("document-2"))).toEqual(["overview-report/"]);
    expect(attr("meta", sectionLinkKey("document-1"))).toEqual([]);
  });

  it("weighs the title above the review's own words, and those above its documents' text", () => {
    const weight = (name: string) => Number(elements.find((el) => el.name === name)!.attrs["data-pagefind-weight"]);
    expect(weight("h1")).toBe(SEARCH_WEIGHTS.title);
    const paragraphs = elements.filter((el) => el.name === "p").map((el) => Number(el.attrs["data-pagefind-weight"]));
    expect(paragraphs[0]).toBeLessThan(weight("h1"));
    expect(paragraphs[1]).toBeLessThan(paragraphs[0]!);
  });

  it("makes a page for a review without documents, or a meta, or sort keys", () => {
    const bare = elementsOf(searchPageHtml(record({ sections: [], meta: undefined, sort: undefined, filters: {} }), "en-GB"));
    expect(bare.filter((el) => el.name === "h2")).toEqual([]);
    expect(bare.filter((el) => el.attrs["data-pagefind-filter"] || el.attrs["data-pagefind-sort"])).toEqual([]);
  });
});

describe("escapeHtml", () => {
  it("escapes the characters that end text or an attribute, and nothing else", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a> — ok`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt; — ok");
  });
});
