/**
 * The pages that carry a report's text (a review page and each HTML version),
 * built for the fixture partnership and for partnership B: the content notice
 * on every one, first after the heading, and the review page's wording.
 */
import path from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { beforeAll, describe, expect, it } from "vitest";
import { catalogueOf } from "../helpers/catalogue.ts";
import { documentsOf } from "../helpers/documents.ts";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { FIXTURES, fixtureReviews, fixtureSite } from "../helpers/site.ts";
import type { Catalogue } from "../../src/catalogue/index.ts";

const BUILD_DATE = "2026-11-26";

interface Support {
  heading: string;
  emergency: string;
  services: { name: string; phone: string }[];
}
type Settings = { support: Support; contact: { email: string } };

/** Partnership B, with a Markdown report added to a published and to a withheld review, so that it has HTML versions too. */
function partnershipB(): { site: Settings; reviews: Record<string, unknown>[] } {
  const dir = path.join(FIXTURES, "partnership-b");
  const reviews = fixtureReviews(dir).map((review) =>
    review.id === "child-rowan" || review.id === "baby-sorrel"
      ? { ...review, documents: [...(review.documents as object[]), { kind: "executive-summary", title: "Executive summary", file: "executive-summary.md" }] }
      : review,
  );
  return { site: fixtureSite(dir) as unknown as Settings, reviews };
}

const PARTNERSHIPS = [
  ["the fixture partnership", () => ({ site: fixtureSite() as unknown as Settings, reviews: fixtureReviews() })],
  ["partnership B", partnershipB],
] as const;

const text = (html: string) => DomUtils.textContent(parseDocument(html)).replace(/\s+/g, " ").trim();
/** The markup after the tag that holds `from` (an attribute), up to `to`. */
const between = (html: string, from: string, to: string) => {
  const start = html.indexOf(">", html.indexOf(from)) + 1;
  return html.slice(start, html.indexOf(to, start));
};

describe.each(PARTNERSHIPS)("pages that carry a report's text, for %s", (_name, data) => {
  const { site, reviews } = data();
  let project: FixtureProject;
  let catalogue: Catalogue;
  beforeAll(async () => {
    project = fixtureProject({ site, reviews, files: documentsOf(reviews) });
    const build = await project.run("build", [], { BUILD_DATE });
    expect(build.code, build.stderr).toBe(0);
    catalogue = await catalogueOf(project.root, BUILD_DATE);
  }, 120_000);

  /** The content notice of a page: its heading, every service with its phone link, the emergency line; and where it is. */
  function expectNotice(page: string, label: string) {
    const start = page.indexOf('<aside class="content-notice"');
    expect(start, `${label}: no content notice`).toBeGreaterThan(0);
    const notice = page.slice(start, page.indexOf("</aside>", start));
    expect(text(notice)).toContain(text(site.support.heading));
    for (const service of site.support.services) {
      expect(text(notice), label).toContain(service.name);
      expect(notice, label).toContain(`href="tel:${service.phone.replace(/\D/g, "")}"`);
    }
    expect(text(notice)).toContain(text(site.support.emergency));
    // First in reading order: straight after the page's heading and the line under it, before anything of the report.
    const h1 = page.indexOf("</h1>");
    expect(h1).toBeGreaterThan(0);
    expect(page.slice(h1, start).match(/<(h2|h3|nav|ul|ol|dl|section|article|div)\b/g) ?? [], label).toEqual([]);
    return start;
  }

  it("has HTML versions to check", () => {
    expect(catalogue.htmlVersions.length).toBeGreaterThan(0);
  });

  it("puts the content notice, with the routes to support, on every HTML version, before its contents and its text", () => {
    for (const version of catalogue.htmlVersions) {
      const page = project.read(path.join(decodeURIComponent(version.url), "index.html"));
      const start = expectNotice(page, version.url);
      expect(start, version.url).toBeLessThan(page.indexOf('<div class="document-body">'));
      if (version.contents.length) expect(start, version.url).toBeLessThan(page.indexOf('class="contents"'));
    }
  });

  it("puts the content notice, then the documents, before the review's details on every review page", () => {
    for (const review of catalogue.listed) {
      const page = project.read(`reviews/${review.id}/index.html`);
      const notice = expectNotice(page, review.url);
      expect(page.indexOf('id="documents"'), review.id).toBeGreaterThan(notice);
      expect(page.indexOf('id="documents"'), review.id).toBeLessThan(page.indexOf('id="about"'));
    }
  });

  it("words the counts in a review's details, and never as bare numbers", () => {
    for (const review of catalogue.listed) {
      const about = text(between(project.read(`reviews/${review.id}/index.html`), 'id="about"', "</dl>"));
      expect(about, review.id).not.toMatch(/\(\d[\d,]*\)|: \d[\d,]*\)/);
      expect(about, review.id).toMatch(/\((only this review|\d[\d,]* reviews)\)/);
      if (review.published) expect(about, review.id).toMatch(new RegExp(`\\((the only review|\\d[\\d,]* reviews) published in ${review.year}\\)`));
    }
  });

  it("reads a status's note marker as a pointer to the note, not as the status again", () => {
    const footnoted = catalogue.listed.filter((review) => review.footnote);
    expect(footnoted.length).toBeGreaterThan(0);
    for (const review of footnoted) {
      const status = between(project.read(`reviews/${review.id}/index.html`), 'id="status"', "</div>");
      const spoken = text(status.replace(/<span aria-hidden="true">[^<]*<\/span>/g, ""));
      const words: string[] = spoken.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
      expect(
        words.filter((word, i) => words.indexOf(word) !== i),
        `${review.id}: "${spoken}"`,
      ).toEqual([]);
      expect(status).toContain(`href="#${review.footnote!.anchor}"`);
    }
  });

  it("offers another format once on a page with documents, and not at all on a page with none", () => {
    for (const review of catalogue.listed) {
      // The page's own text: the footer's contact link is on every page.
      const page = between(project.read(`reviews/${review.id}/index.html`), "<main", "</main>");
      const offers = page.split(`mailto:${site.contact.email}`).length - 1;
      if (review.documents.length) expect(offers, review.id).toBe(1);
      else {
        expect(offers, review.id).toBe(0);
        expect(text(page), review.id).not.toMatch(/another format|accessible format/);
      }
    }
  });

  it("states the PDF problem once at the top of the accessibility statement, and gives the contact for formats once", () => {
    const statement = project.read("accessibility/index.html");
    const summary = between(statement, 'id="how-accessible"', 'id="feedback"');
    const pdfItems = (summary.match(/<li>[^<]*<\/li>/g) ?? []).filter((item) => /\bPDFs?\b/i.test(item));
    const ownPdfItems = catalogue.site.accessibility.nonCompliant.filter((item) => /\bPDFs?\b/i.test(item.issue)).length;
    expect(pdfItems).toHaveLength(ownPdfItems || (catalogue.accessibility.documents.length ? 1 : 0));
    expect(catalogue.accessibility.documents.length, "the fixture's PDFs are made untagged, so the audit lists them").toBeGreaterThan(0);
    const documents = between(statement, 'id="documents"', "</p>");
    expect(documents).toContain('href="#feedback"');
    expect(documents).not.toContain("mailto:");
  });

  it("words related reviews' dates in lower case after a comma", () => {
    const related = catalogue.listed.flatMap((review) => review.related.map((other) => [review.id, other] as const));
    for (const [id, other] of related) {
      const page = text(project.read(`reviews/${id}/index.html`));
      expect(page).toContain(`(${other.typeName}, ${other.publishedPhrase})`);
      expect(page).not.toMatch(/, Not yet published/);
    }
  });
});
