import { describe, expect, it } from "vitest";
import { buildCatalogue, type Catalogue, type ReviewView } from "../../../src/catalogue/index.ts";
import { reviewRecord } from "../../../src/catalogue/search-records.ts";
import { accessibilityView, countText, facetCountText, publishedPhrase, yearCountText } from "../../../src/catalogue/wording.ts";
import { DOCUMENT_KINDS, REVIEW_STATUSES, REVIEW_TYPES, type Review } from "../../../src/model/review.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import { FIXTURES, fixtureSite } from "../../helpers/site.ts";

const HOSTILE = `<b>"Child" & 'Q'</b> </p><script>alert(1)</script>`;

/** Two partnerships that are not the sample: the fixture (12 months, Northshire) and partnership B (24 months, Eastmere). */
const PARTNERSHIPS = [
  ["the fixture partnership", fixtureSite() as unknown as SiteSettings],
  ["partnership B", fixtureSite(`${FIXTURES}/partnership-b`) as unknown as SiteSettings],
] as const;

/**
 * Reviews of every type and status, dated and undated, with hostile titles, a theme shared by
 * two reviews and one held by one alone, one area with two reviews and one with one, one year with
 * two reviews and one with one, and a document of every kind whose title repeats its kind.
 */
function reviewsFor(site: SiteSettings): Review[] {
  const [first, second] = Object.keys(site.areas) as [string, string];
  const reviews: Review[] = [];
  for (const type of REVIEW_TYPES)
    for (const status of REVIEW_STATUSES)
      reviews.push({
        id: `${type.toLowerCase()}-${status}`,
        title: `${HOSTILE} ${type} ${status}`,
        type,
        status,
        area: first,
        published: type === "SCR" && status === "delayed" ? undefined : `2026-0${REVIEW_STATUSES.indexOf(status) + 1}-1${REVIEW_TYPES.indexOf(type)}`,
        themes: ["shared theme", ...(status === "withheld" && type === "CSPR" ? ["only theme"] : [])],
        documents: [],
      });
  reviews.push({
    id: "lone",
    title: "Lone",
    type: "CSPR",
    status: "published",
    area: second,
    published: "2019-05-02",
    themes: ["Neglect"],
    documents: DOCUMENT_KINDS.map((kind, i) => ({ kind, title: `Practitioner ${kind.replace("-", " ")}`, file: `d${i}.pdf`, bytes: 2048 })),
  });
  return reviews;
}

/** Words of four letters or more that a text says twice ("Briefing: Practitioner briefing"). */
function repeatedWords(text: string): string[] {
  const words: string[] = text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  return words.filter((word, i) => words.indexOf(word) !== i);
}

describe("countText", () => {
  it("says none, one and many in words, with thousands grouped", () => {
    expect([0, 1, 2, 1234].map((n) => countText(n, "review"))).toEqual(["no reviews", "1 review", "2 reviews", "1,234 reviews"]);
    expect(countText(1, "child", "children")).toBe("1 child");
    expect(countText(2, "child", "children")).toBe("2 children");
  });

  it("says how many reviews share a value with this one, this one included, in plain words", () => {
    expect([0, 1, 2, 10].map(facetCountText)).toEqual(["no reviews", "only this review", "2 reviews", "10 reviews"]);
    expect([0, 1, 2].map((n) => yearCountText(n, 2022))).toEqual([
      "no reviews published in 2022",
      "the only review published in 2022",
      "2 reviews published in 2022",
    ]);
  });

  it("words a publication date to follow a comma, lower case", () => {
    expect(publishedPhrase("2024-11-12")).toBe("published 12 November 2024");
    expect(publishedPhrase(null)).toBe("not yet published");
  });
});

describe.each(PARTNERSHIPS)("the wording of %s's catalogue", (_name, site) => {
  const catalogue: Catalogue = buildCatalogue(reviewsFor(site), site, "2026-11-26");
  const byId = (id: string): ReviewView => catalogue.listed.find((review) => review.id === id)!;

  it("lists a review of every type and status, so that each is worded below", () => {
    expect(new Set(catalogue.listed.map((r) => `${r.type} ${r.status}`)).size).toBe(REVIEW_TYPES.length * REVIEW_STATUSES.length);
  });

  it("gives each count beside a review's type, area, year and themes in words that agree with the number", () => {
    for (const review of catalogue.listed) {
      const { type, area, year, themes } = review.links;
      for (const link of [type, area, ...themes]) expect(link.countText, `${review.id} ${link.url}`).toBe(facetCountText(link.count!));
      if (year) expect(year.countText).toBe(yearCountText(year.count!, review.year!));
      for (const link of [type, area, year, ...themes]) if (link) expect(link.countText).not.toMatch(/^\d+$|: \d|\(\d/);
    }
    expect(byId("lone").links.area.countText).toBe("only this review");
    expect(byId("lone").links.year!.countText).toBe("the only review published in 2019");
    expect(byId("cspr-withheld").links.themes.map((t) => t.countText)).toEqual(["6 reviews", "only this review"]);
    expect(byId("cspr-published").links.area.countText).toBe("6 reviews");
    expect(byId("scr-published").links.year!.countText).toBe("5 reviews published in 2026");
  });

  it("words dates mid-sentence in lower case, for the related reviews and the search index, and never 'Published Not yet published'", () => {
    for (const review of catalogue.listed) {
      expect(review.publishedPhrase).toBe(publishedPhrase(review.published));
      for (const other of review.related) expect(other.publishedPhrase, `${review.id} -> ${other.id}`).toMatch(/^(published \d|not yet published$)/);
      const text = reviewRecord(review).text;
      expect(text).not.toMatch(/[^.] Not yet published/);
      expect(text).not.toMatch(/Published not yet/i);
    }
    expect(byId("scr-delayed").publishedText).toBe("Not yet published");
    expect(byId("cspr-published").related.map((r) => r.publishedPhrase)).toContain("not yet published");
  });

  it("never names a document's kind twice in its link, whatever the kind", () => {
    const links = byId("lone").documents.map((doc) => doc.linkText);
    expect(links).toHaveLength(DOCUMENT_KINDS.length);
    for (const text of links) expect(repeatedWords(text), text).toEqual([]);
    expect(links).toContain("Practitioner briefing (PDF, 2 KB)");
    expect(links).toContain("Practitioner action plan (PDF, 2 KB)");
  });

  it("states the PDF problem once in the statement's summary, whether or not the partnership wrote one", () => {
    const documents = [
      { reviewTitle: HOSTILE, reviewUrl: "/reviews/a/", documentTitle: "Overview report", href: "/a.pdf", fails: "It is not tagged.", criteria: "1.3.1" },
    ];
    const pdfIssue = { issue: "Some PDF documents are not fully accessible to screen reader software.", criteria: "1.1.1", plan: "Ask us." };
    const other = { issue: "Some videos have no captions.", criteria: "1.2.2", plan: "Ask us." };
    const mentionsPdf = (issues: string[]) => issues.filter((issue) => /\bPDFs?\b/i.test(issue)).length;
    const statement = (nonCompliant: (typeof other)[], docs = documents) =>
      accessibilityView({ ...site, accessibility: { ...site.accessibility, nonCompliant } }, docs).knownIssues;
    expect(mentionsPdf(statement([pdfIssue, other]))).toBe(1);
    expect(statement([pdfIssue, other])).toEqual([pdfIssue.issue, other.issue]);
    expect(mentionsPdf(statement([other]))).toBe(1);
    expect(statement([other])).toHaveLength(2);
    expect(statement([other], [])).toEqual([other.issue]);
    expect(statement([], [])).toEqual([]);
  });
});

describe.each(PARTNERSHIPS)("counts in %s's catalogue of none, one and two reviews", (_name, site) => {
  const area = Object.keys(site.areas)[0]!;
  const one = (id: string): Review => ({ id, title: id, type: "SCR", status: "published", area, published: "2026-06-01", themes: ["Neglect"], documents: [] });

  it("builds a catalogue of no reviews with nothing to count", () => {
    const catalogue = buildCatalogue([], site, "2026-11-26");
    expect(catalogue.listed).toEqual([]);
    expect(catalogue.accessibility.knownIssues).toEqual(site.accessibility.nonCompliant.map((item) => item.issue));
  });

  it("says 'only this review' for a review alone, and '2 reviews' for two", () => {
    const [alone] = buildCatalogue([one("a")], site, "2026-11-26").listed;
    const { type, area: place, year, themes } = alone!.links;
    expect([type, place, ...themes].map((link) => link.countText)).toEqual(["only this review", "only this review", "only this review"]);
    expect(year!.countText).toBe("the only review published in 2026");
    const pair = buildCatalogue([one("a"), one("b")], site, "2026-11-26").listed;
    for (const review of pair) {
      const links = review.links;
      expect([links.type, links.area, ...links.themes].map((link) => link.countText)).toEqual(["2 reviews", "2 reviews", "2 reviews"]);
      expect(links.year!.countText).toBe("2 reviews published in 2026");
      expect(review.related.map((other) => other.publishedPhrase)).toEqual(["published 1 June 2026"]);
    }
  });
});
