import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { indexedFragments } from "../../src/eleventy/search-index.ts";
import { checkBuiltSite } from "../../src/checks/site-check.ts";
import { catalogueOf } from "../helpers/catalogue.ts";
import { fixturePdf } from "../helpers/documents.ts";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";

const BUILD_DATE = "2026-11-26";
const LISTED_PHRASE = "amber lantern protocol";
const LISTED_HTML_PHRASE = "willow bridge meeting";
const REMOVED_PHRASE = "copper kettle agreement";
const REMOVED_HTML_PHRASE = "granite harbour note";

const doc = (file: string) => ({ kind: "overview-report", title: "Overview report", file });
const reviews = [
  {
    id: "child-amber",
    title: "Child Amber",
    type: "CSPR",
    area: "northshire",
    status: "published",
    published: "2026-03-01",
    themes: ["neglect"],
    documents: [doc("overview-report.pdf"), doc("overview-report.md")],
  },
  {
    // An SCR whose 12 months ended on 2026-06-01: only its notice may remain, and nothing of its reports in the search index.
    id: "child-hazel",
    title: "Child Hazel",
    type: "SCR",
    area: "southvale",
    status: "published",
    published: "2025-06-01",
    themes: ["neglect"],
    documents: [doc("overview-report.pdf"), doc("overview-report.md")],
  },
];
const markdown = (phrase: string) => `## Introduction\n\nWhy the review was held.\n\n## Findings\n\nThe panel met at the ${phrase}.\n\n### Detail\n\nMore.\n`;

/** Every file of a Pagefind index as text: the fragments and index chunks are gzip. */
function indexText(siteDir: string): string {
  const dir = path.join(siteDir, "pagefind");
  const texts: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const bytes = readFileSync(full);
        texts.push((bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("latin1"));
      }
    }
  };
  walk(dir);
  return texts.join("\n");
}

describe("documents as first-class", () => {
  let site: FixtureProject;
  let stderr: string;
  beforeAll(async () => {
    site = fixtureProject({
      reviews,
      files: {
        "child-amber/overview-report.pdf": fixturePdf("Child Amber: Overview report", [`The panel agreed the ${LISTED_PHRASE} with every agency.`]),
        "child-amber/overview-report.md": markdown(LISTED_HTML_PHRASE),
        "child-hazel/overview-report.pdf": fixturePdf("Child Hazel: Overview report", [`The panel agreed the ${REMOVED_PHRASE} with every agency.`]),
        "child-hazel/overview-report.md": markdown(REMOVED_HTML_PHRASE),
      },
    });
    const build = await site.run("build", [], { BUILD_DATE });
    expect(build.code, build.stderr).toBe(0);
    stderr = build.stderr + build.stdout;
  });

  it("shows each PDF's page count in its link, and links the HTML version", () => {
    const page = site.read("reviews/child-amber/index.html");
    expect(page).toMatch(/>Overview report \(PDF, \d+ KB, 1 page\)<\/a>/);
    expect(page).toContain('<a href="/reviews/child-amber/overview-report/">Overview report (HTML)</a>');
  });

  it("publishes a Markdown document as a page with a contents list of its second-level headings", () => {
    const page = site.read("reviews/child-amber/overview-report/index.html");
    expect(page).toContain('<a href="#introduction">Introduction</a>');
    expect(page).toContain('<a href="#findings">Findings</a>');
    expect(page).toContain('<h2 id="findings">Findings</h2>');
    expect(page).toContain(LISTED_HTML_PHRASE);
    expect(page).toContain('<link rel="stylesheet" href="/assets/site.css">');
    expect(site.read("assets/site.css")).toContain("@media print");
    // The Markdown source itself is not published.
    expect(site.exists("reviews/child-amber/overview-report.md")).toBe(false);
  });

  it("builds nothing of a removed review's documents: no PDF, no HTML version, only the notice", () => {
    expect(site.files(path.join(site.root, "_site", "reviews", "child-hazel"))).toEqual(["index.html"]);
  });

  it("warns about the untagged PDF, and lists it in the accessibility statement and beside its link", () => {
    expect(stderr).toMatch(/reviews\/child-amber\/overview-report\.pdf, review "child-amber".*this PDF is not accessible: it is not tagged/);
    const statement = site.read("accessibility/index.html");
    expect(statement).toContain('<h3 id="documents">Documents that are not fully accessible</h3>');
    expect(statement).toMatch(
      /Child Amber<\/a>: <a href="\/reviews\/child-amber\/overview-report\.pdf">Overview report \(PDF, \d+ KB, 1 page\)<\/a>\. It is not tagged.*has no title and has no language set\. This fails WCAG 2\.2 success criteria 1\.3\.1, 2\.4\.2, 3\.1\.1\./,
    );
    expect(statement).not.toContain("Child Hazel");
    // The note beside the link says what is wrong; the offer of another format follows the list, once.
    const page = site.read("reviews/child-amber/index.html");
    expect(page).toMatch(/<p class="document-note">This PDF may not work with assistive technology: it is not tagged[^<]*<\/p><\/li>/);
    expect(page).toMatch(/<\/ul>\s*<p>To ask for a document in another format, such as accessible PDF, large print or audio, email <a href="mailto:/);
    expect(page).not.toContain("You can ask for it in an accessible format");
  });

  it("indexes the text inside listed reviews' reports, and never a removed review's", () => {
    const siteDir = path.join(site.root, "_site");
    const fragments = indexedFragments(siteDir);
    // One record per review, its documents' text inside it, each under its place on the review page.
    const amber = fragments.find((f) => f.content.includes(LISTED_PHRASE));
    expect(amber?.url).toBe("/reviews/child-amber/");
    expect(amber?.content).toContain(LISTED_HTML_PHRASE);
    expect(amber?.anchors?.map((anchor) => anchor.id)).toContain("document-1");
    const everything = indexText(siteDir);
    expect(everything).toContain(LISTED_PHRASE);
    for (const phrase of [REMOVED_PHRASE, REMOVED_HTML_PHRASE]) expect(everything).not.toContain(phrase);
    for (const word of ["copper", "kettle", "granite", "harbour"]) expect(everything).not.toContain(word);
    // One index, in the pages' language: the search page searches only the index of its own language.
    expect(Object.keys(JSON.parse(site.read("pagefind/pagefind-entry.json")).languages)).toEqual(["en-gb"]);
  });

  it("passes the nightly's check of the build, which allows exactly the listed pages and documents in the index", async () => {
    expect(checkBuiltSite(path.join(site.root, "_site"), await catalogueOf(site.root, BUILD_DATE))).toEqual([]);
  });

  it("warns when an HTML version's headings skip a level", async () => {
    site.writeReviews(reviews);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path.join(site.root, "reviews", "child-amber", "overview-report.md"), "## Findings\n\n#### Too deep\n\nText.\n");
    const validate = await site.run("validate", [], { BUILD_DATE });
    expect(validate.code).toBe(0);
    expect(validate.stderr + validate.stdout).toContain(
      'reviews/child-amber/overview-report.md, review "child-amber", field "documents[2].file": its headings skip a level (the heading "Too deep" is level 4 after level 2)',
    );
  });
});

describe("a PDF that cannot be read", () => {
  it("stops the build with an error naming the review and the file, and publishes nothing", async () => {
    const good = fixturePdf("Child Amber: Overview report");
    const site = fixtureProject({
      reviews: [reviews[0]],
      files: { "child-amber/overview-report.pdf": good.slice(0, good.length / 2), "child-amber/overview-report.md": "## A\n" },
    });
    const build = await site.run("build", [], { BUILD_DATE });
    expect(build.code).not.toBe(0);
    expect(build.stderr).toContain(
      'reviews/child-amber/overview-report.pdf, review "child-amber", field "documents[1].file": this PDF cannot be published: it is cut short',
    );
    expect(site.exists("index.html")).toBe(false);
  });
});
