/**
 * The accessibility statement at national scale: when the audit finds more
 * documents wanting than fit one page, they are listed on pages of their own,
 * so that the statement and every page of the list stay within the page budget.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { weighPages } from "../../tools/page-weight.ts";
import { fixturePdf } from "../helpers/documents.ts";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";

const COUNT = 120;
const id = (i: number) => `child-${String(i).padStart(3, "0")}`;
const reviews = Array.from({ length: COUNT }, (_, i) => ({
  id: id(i),
  title: `Child ${String(i).padStart(3, "0")} <"&'>`,
  type: "CSPR",
  area: "northshire",
  status: "published",
  published: "2026-01-01",
  documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
}));

describe("more documents not fully accessible than fit one page", () => {
  let site: FixtureProject;
  beforeAll(async () => {
    const files = Object.fromEntries(reviews.map((review) => [`${review.id}/overview-report.pdf`, fixturePdf(review.title)]));
    site = fixtureProject({ reviews, files });
    const build = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(build.code, build.stderr).toBe(0);
  });

  it("the statement says how many and links to their list, instead of listing them all", () => {
    const statement = site.read("accessibility/index.html");
    expect(statement).toContain(
      `There are ${COUNT} of them: see <a href="/accessibility/documents/">the documents that are not fully accessible</a>, listed by review on 3 pages.`,
    );
    expect(statement).not.toContain('class="inaccessible-documents"');
  });

  it("lists every one of them, once, on pages of 50 with a pager, the data escaped", () => {
    const pages = ["accessibility/documents/index.html", "accessibility/documents/page/2/index.html", "accessibility/documents/page/3/index.html"];
    expect(site.exists("accessibility/documents/page/4/index.html")).toBe(false);
    const listed = pages.flatMap((page) => [...site.read(page).matchAll(/<li><a href="\/reviews\/(child-\d{3})\/">/g)].map((m) => m[1]));
    expect(listed.sort()).toEqual(reviews.map((review) => review.id).sort());
    expect(pages.map((page) => [...site.read(page).matchAll(/<li><a href="\/reviews\//g)].length)).toEqual([50, 50, 20]);
    const second = site.read(pages[1]!);
    expect(second).toContain("<title>Documents that are not fully accessible, page 2 of 3");
    expect(second).toContain('<a href="/accessibility/documents/" rel="prev">Previous page</a>');
    expect(second).toContain('<a href="/accessibility/documents/page/3/" rel="next">Next page</a>');
    expect(second).toContain("Child 050 &lt;&quot;&amp;&#39;&gt;");
    expect(second).not.toContain('Child 050 <"');
  });

  it("keeps the statement and every page of the list within the page budget", () => {
    const weights = weighPages(path.join(site.root, "_site")).filter((w) => w.page.startsWith("accessibility/"));
    expect(weights.map((w) => w.page).sort()).toEqual([
      "accessibility/documents/index.html",
      "accessibility/documents/page/2/index.html",
      "accessibility/documents/page/3/index.html",
      "accessibility/index.html",
    ]);
    for (const w of weights) expect(w.problems, w.page).toEqual([]);
  });
});
