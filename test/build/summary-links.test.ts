import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkBuiltSite, pageReferences } from "../../src/checks/site-check.ts";
import { catalogueOf } from "../helpers/catalogue.ts";
import { fixtureMarkdown, fixturePdf } from "../helpers/documents.ts";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { fixtureSite } from "../helpers/site.ts";

/** Child T is an SCR published 2025-11-26: with 12 months, it leaves the site on 2026-11-26. */
const LEAVES = "2026-11-26";
const DAY_BEFORE = "2026-11-25";

/** Links to `id` in the spellings maintainers write, from the review page /reviews/child-a/ of the site at `url`. */
const summarySpellings = (url: string, id: string) => [
  `${url}/reviews/${id}/`,
  `${url}/reviews/${id}/overview-report.pdf`,
  `../${id}/overview-report.pdf`,
  `../${id}/#documents`,
  `../${id}/index.html`,
  `../${id}/learning-brief/`,
  `/reviews//${id}/overview-report.pdf`,
  `/./reviews/${id}/overview-report.pdf`,
  `/reviews/%2e/${id}/overview-report.pdf`,
  `/reviews%2F${id}%2Foverview-report.pdf`,
  `/Reviews/${id.toUpperCase()}/`,
];
/** Filter pages that only Child T is on (an SCR of 2025 about neglect): they go with it. */
const filterLinks = (url: string) =>
  ["[neglect](/reviews/theme/neglect/)", "[2025](../year/2025/)", `[about neglect](${url}/reviews/theme/neglect/)`].join(" ");
/** The same from the HTML version /reviews/child-a/overview-report/, a folder deeper. */
const documentSpellings = (url: string, id: string) => [`../../${id}/overview-report.pdf`, `${url}/reviews/${id}/learning-brief/`, `../../${id}/`];

const asList = (hrefs: string[], label: string) => hrefs.map((href, i) => `- [${label} ${i + 1}](${href})`).join("\n");

function reviewsFor(url: string) {
  const pdf = (title: string) => ({ kind: "overview-report", title, file: "overview-report.pdf" });
  return [
    {
      id: "child-a",
      title: "Child A",
      type: "CSPR",
      area: "northshire",
      status: "published",
      published: "2026-02-01",
      summary: `Read with:\n\n${asList(summarySpellings(url, "child-t"), "Child T")}\n${asList(summarySpellings(url, "child-k"), "Child K")}\n\nSee ${filterLinks(url)}.`,
      documents: [pdf("Overview report"), { kind: "learning-brief", title: "Learning brief", file: "overview-report.md" }],
    },
    {
      id: "child-t",
      title: "Child T",
      type: "SCR",
      area: "southvale",
      status: "published",
      published: "2025-11-26",
      themes: ["neglect"],
      documents: [pdf("Overview report"), { kind: "learning-brief", title: "Learning brief", file: "learning-brief.md" }],
    },
    {
      id: "child-k",
      title: "Child K",
      type: "SCR",
      area: "southvale",
      status: "published",
      published: "2026-03-01",
      documents: [pdf("Overview report"), { kind: "learning-brief", title: "Learning brief", file: "learning-brief.md" }],
    },
  ];
}

function projectAt(url: string): FixtureProject {
  const files: Record<string, string> = {
    "child-a/overview-report.md": `${fixtureMarkdown("Child A")}\n## Related reviews\n\n${asList(documentSpellings(url, "child-t"), "Child T")}\n${asList(documentSpellings(url, "child-k"), "Child K")}\n`,
  };
  for (const id of ["child-a", "child-t", "child-k"]) {
    files[`${id}/overview-report.pdf`] = fixturePdf(`${id}: Overview report`);
    if (id !== "child-a") files[`${id}/learning-brief.md`] = fixtureMarkdown(`${id} learning brief`);
  }
  return fixtureProject({ reviews: reviewsFor(url), site: { ...fixtureSite(), url }, files });
}

/** The addresses the summary (or an HTML version's body) links to, read from the built page. */
function linksIn(page: string, start: string, end: string): string[] {
  const from = page.indexOf(start);
  expect(from, `${start} in the page`).toBeGreaterThan(-1);
  return pageReferences(page.slice(from, page.indexOf(end, from))).links;
}

async function build(site: FixtureProject, date: string): Promise<string[]> {
  const result = await site.run("build", [], { BUILD_DATE: date });
  expect(result.code, result.stderr).toBe(0);
  return checkBuiltSite(path.join(site.root, "_site"), await catalogueOf(site.root, date));
}

describe.each([
  { url: "https://x.example.org/review", prefix: "/review" },
  { url: "https://reviews.example.org", prefix: "" },
])("a summary and an HTML version that link to an SCR in many spellings (site at $url)", ({ url, prefix }) => {
  let site: FixtureProject;
  let dayBefore: string[];
  let summaryBefore: string[];
  let onTheDay: string[];
  beforeAll(async () => {
    site = projectAt(url);
    // The day before, Child T is listed (prefix case only: one build before is enough to see its links made and resolved).
    if (prefix) {
      dayBefore = await build(site, DAY_BEFORE);
      summaryBefore = linksIn(site.read("reviews/child-a/index.html"), '<div class="summary">', "</div>");
    }
    onTheDay = await build(site, LEAVES);
  }, 120_000);

  it.runIf(prefix)("links to the SCR and its filter pages while it is listed, each spelling at its canonical address, and the night's check passes", () => {
    expect(dayBefore).toEqual([]);
    expect(summaryBefore.filter((href) => /neglect|2025/.test(href))).toEqual([
      `${prefix}/reviews/theme/neglect/`,
      `${prefix}/reviews/year/2025/`,
      `${prefix}/reviews/theme/neglect/`,
    ]);
    const toChildT = summaryBefore.filter((href) => href.includes("child-t"));
    expect(toChildT).toHaveLength(summarySpellings(url, "child-t").length);
    for (const href of toChildT) expect(href).toMatch(new RegExp(`^${prefix}/reviews/child-t/`));
  });

  it("passes the night's link check on the day the SCR leaves", () => {
    expect(onTheDay).toEqual([]);
  });

  it("keeps only the text of every link to the SCR that left and to the filter pages that went with it, and every link to the listed one", () => {
    const page = site.read("reviews/child-a/index.html");
    const summary = linksIn(page, '<div class="summary">', "</div>");
    const version = linksIn(site.read("reviews/child-a/overview-report/index.html"), 'id="related-reviews"', "</main>");
    for (const links of [summary, version]) expect(links.filter((href) => /child-t/i.test(decodeURIComponent(href)))).toEqual([]);
    expect(summary.filter((href) => /neglect|2025/.test(href))).toEqual([]);
    expect(page).toContain("See neglect 2025 about neglect.");
    expect(page).toContain("Child T 1</li>");
    expect(page).toContain(`Child T ${summarySpellings(url, "child-t").length}</li>`);
    expect(summary.filter((href) => href.startsWith(`${prefix}/reviews/child-k/`))).toHaveLength(summarySpellings(url, "child-k").length);
    expect(version.filter((href) => href.startsWith(`${prefix}/reviews/child-k/`))).toHaveLength(documentSpellings(url, "child-k").length);
  });
});
