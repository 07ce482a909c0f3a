import { readlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { fixturePdf } from "../helpers/documents.ts";

const PDF = fixturePdf("Fixture document");
const HOSTILE = `<script>alert("x")</script> & "Child" 'Q'`;

const reviews = [
  {
    id: "cspr-live",
    title: "Child One",
    type: "CSPR",
    area: "northshire",
    status: "published",
    published: "2019-05-02",
    summary: "Learning about **neglect**.",
    themes: ["neglect"],
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
  },
  {
    id: "scr-withheld",
    title: "Child Two",
    type: "SCR",
    area: "southvale",
    status: "withheld",
    published: "2026-03-10",
    documents: [{ kind: "learning-brief", title: "Learning brief", file: "learning-brief.pdf" }],
  },
  { id: "scr-delayed", title: "Child Three", type: "SCR", area: "northshire-and-southvale", status: "delayed", summary: "Awaiting proceedings." },
  {
    id: "scr-gone",
    title: "Child Four",
    type: "SCR",
    area: "southvale",
    status: "published",
    published: "2025-11-25",
    summary: "SECRET-SUMMARY-OF-A-REMOVED-REVIEW",
    themes: ["removed-theme"],
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
  },
  {
    id: "hostile",
    title: HOSTILE,
    type: "CSPR",
    area: "northshire",
    status: "published",
    published: "2026-01-01",
    summary: '<img src=x onerror="alert(1)"> [click me](javascript:alert(1)) <b>bold</b>',
    themes: ["<em>theme</em>"],
    documents: [{ kind: "other", title: "<i>Doc</i>", file: "doc.pdf" }],
  },
];

const files = {
  "cspr-live/overview-report.pdf": PDF,
  "scr-withheld/learning-brief.pdf": PDF,
  // Dropped into the withheld review's folder by mistake: no document points to it, so it must never be published.
  "scr-withheld/overview-report.pdf": PDF,
  "scr-gone/overview-report.pdf": PDF,
  "hostile/doc.pdf": PDF,
};

describe("the built site", () => {
  let site: FixtureProject;
  let build: Awaited<ReturnType<FixtureProject["run"]>>;

  beforeAll(async () => {
    site = fixtureProject({ reviews, files });
    build = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
  });

  it("builds, and says what it listed", () => {
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toContain("Built the site for 2026-11-26: 4 reviews listed, 1 removed");
  });

  it("lists every review in the finder, newest first, and leaves out the removed SCR", () => {
    const index = site.read("index.html");
    const list = index.slice(index.indexOf('id="finder-results"'), index.indexOf('id="notes"'));
    expect([...list.matchAll(/href="\/reviews\/([a-z-]+)\/"/g)].map((m) => m[1])).toEqual(["scr-delayed", "scr-withheld", "hostile", "cspr-live"]);
    expect(index).toContain("4 reviews, newest first.");
    expect(index).not.toContain("scr-gone");
    expect(index).not.toContain("Child Four");
    expect(index).toContain('<time datetime="2019-05-02">2 May 2019</time>');
  });

  it("marks footnotes with their codes after the status they explain, read out as a pointer to the note, and shows the legend in code order", () => {
    const index = site.read("index.html");
    const entry = (id: string) => index.slice(index.indexOf(`id="review-${id}"`), index.indexOf("</li>", index.indexOf(`id="review-${id}"`)));
    expect(entry("scr-withheld")).toContain(
      '<dd>Overview report not published <a class="footnote-marker" href="#footnote-withheld"><span aria-hidden="true">*</span><span class="visually-hidden">see the note</span></a></dd>',
    );
    expect(entry("scr-delayed")).toContain('href="#footnote-delayed"><span aria-hidden="true">**</span>');
    expect(entry("cspr-live")).not.toContain("footnote-marker");
    const legend = index.slice(index.indexOf('id="notes"'));
    expect(legend.indexOf('id="footnote-withheld"')).toBeGreaterThan(0);
    expect(legend.indexOf('id="footnote-delayed"')).toBeGreaterThan(legend.indexOf('id="footnote-withheld"'));
    expect(legend).toContain("The partnership decided not to publish the overview report, so that the child and family cannot be identified.");
    expect(legend).toContain("The overview report will be published when criminal proceedings have ended.");
    expect(legend).toContain('<a href="#review-scr-withheld">Back to Child Two</a>');
  });

  it("writes a page for every listed review, with its facts and documents", () => {
    const page = site.read("reviews/cspr-live/index.html");
    expect(page).toMatch(/<h1 data-pagefind-sort="newest:\d+">Child One<\/h1>/);
    expect(page).toContain(
      '<a href="/reviews/type/cspr/" data-pagefind-filter="type:CSPR">Child Safeguarding Practice Review</a> <span class="count">(2 reviews)</span>',
    );
    expect(page).toContain(
      '<a href="/reviews/area/northshire/" data-pagefind-filter="area" data-pagefind-meta="area">Northshire</a> <span class="count">(2 reviews)</span>',
    );
    expect(page).toContain(
      '<time datetime="2019-05-02">2 May 2019</time> <span class="count">(<a href="/reviews/year/2019/" data-pagefind-filter="year:2019">the only review published in 2019</a>)</span>',
    );
    expect(page).toContain("<p>Learning about <strong>neglect</strong>.</p>");
    expect(page).toContain('<li><a href="/reviews/theme/neglect/" data-pagefind-filter="theme">neglect</a> <span class="count">(only this review)</span></li>');
    expect(page).toContain('<a href="/reviews/cspr-live/overview-report.pdf">Overview report (PDF, 4 KB, 1 page)</a>');
    const withheld = site.read("reviews/scr-withheld/index.html");
    expect(withheld).toContain("Overview report not published");
    expect(withheld).toContain('<time datetime="2027-03-10">10 March 2027</time>');
    expect(withheld).toContain('id="footnote-withheld"');
    expect(site.read("reviews/scr-delayed/index.html")).toContain("Not yet published");
  });

  it("copies the documents of listed reviews, and nothing else from reviews/", () => {
    expect(site.files().filter((f) => f.endsWith(".pdf"))).toEqual([
      "reviews/cspr-live/overview-report.pdf",
      "reviews/hostile/doc.pdf",
      "reviews/scr-withheld/learning-brief.pdf",
    ]);
    expect(site.read("reviews/cspr-live/overview-report.pdf")).toBe(PDF);
  });

  it("leaves only a noindex notice at a removed SCR's address", () => {
    const notice = site.read("reviews/scr-gone/index.html");
    expect(notice).toContain('<meta name="robots" content="noindex">');
    expect(notice).toContain('was published on <time datetime="2025-11-25">25 November 2025</time>');
    expect(notice).toContain('removed from this site on <time datetime="2026-11-25">25 November 2026</time>, at the end of its 12-month publication period');
    expect(notice).toContain('href="mailto:reviews@northshire-southvale.example.org"');
    expect(notice).not.toContain("SECRET-SUMMARY");
    expect(notice).not.toContain("removed-theme");
    expect(notice).not.toContain(".pdf");
    expect(site.files().filter((f) => f.startsWith("reviews/scr-gone/"))).toEqual(["reviews/scr-gone/index.html"]);
  });

  it("escapes a hostile title, summary, theme and document title everywhere", () => {
    const escapedTitle = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Child&quot; &#39;Q&#39;";
    const page = site.read("reviews/hostile/index.html");
    const index = site.read("index.html");
    for (const html of [page, index]) {
      expect(html).not.toContain("<script>");
      expect(html).not.toMatch(/<img|href="javascript:|<em>theme|<i>Doc|<b>bold/);
    }
    expect(index).toContain(`<a href="/reviews/hostile/">${escapedTitle}</a>`);
    expect(page).toContain(`">${escapedTitle}</h1>`);
    expect(page).toContain(`<title>${escapedTitle}: Child Safeguarding Practice Review |`);
    expect(page).toContain("&lt;em&gt;theme&lt;/em&gt;");
    expect(page).toContain("&lt;img src=x onerror=“alert(1)”&gt; [click me](javascript:alert(1))");
    expect(page).toContain("&lt;i&gt;Doc&lt;/i&gt; (PDF, 4 KB, 1 page)");
  });

  it("drops the withheld SCR and its code from the legend when its 12 months end", async () => {
    // A date that may be after today: --future-date lets a build over this throwaway output use it.
    const later = await site.run("build", ["--future-date"], { BUILD_DATE: "2027-03-10" });
    expect(later.code, later.stderr).toBe(0);
    const index = site.read("index.html");
    expect(index).not.toContain('id="footnote-withheld"');
    expect(index).toContain('id="footnote-delayed"');
    expect(site.exists("reviews/scr-withheld/learning-brief.pdf")).toBe(false);
    expect(site.read("reviews/scr-withheld/index.html")).toContain('<meta name="robots" content="noindex">');
  });

  it("refuses bad data with every problem listed, and leaves the published site as it was", async () => {
    const live = readlinkSync(path.join(site.root, "_site"));
    const before = site.files();
    site.writeReviews([
      { ...reviews[0], published: "2023-02-30" },
      { ...reviews[1], type: "XYZ" },
      { ...reviews[2], id: "Bad Id" },
    ]);
    const failed = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("The site was not built because the data has 3 problems");
    expect(failed.stderr).toContain('review "cspr-live", field "published": "2023-02-30" is not a real calendar date');
    expect(failed.stderr).toContain('review "scr-withheld", field "type"');
    expect(failed.stderr).toContain('review 3 in the list, id "Bad Id", field "id"');
    expect(readlinkSync(path.join(site.root, "_site"))).toBe(live);
    expect(site.files()).toEqual(before);
  });

  it("refuses an invalid JSON file with its line and column", async () => {
    site.writeReviews('[\n  { "id": "a", }\n]\n');
    const failed = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("_data/reviews.json, line 2, column 16: the file is not valid JSON");
  });

  it("refuses an invalid build date, naming the variable", async () => {
    site.writeReviews(reviews);
    const failed = await site.run("build", [], { BUILD_DATE: "2026-02-30" });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('BUILD_DATE is "2026-02-30", which is not a real calendar date');
  });
});

describe("templates", () => {
  it("never see the raw reviews: Eleventy's reviews global is empty, only the catalogue carries them", async () => {
    const site = fixtureProject({ reviews, files });
    writeFileSync(path.join(site.root, "pages", "probe.njk"), "---\npermalink: /probe.txt\n---\n{{ reviews | dump | safe }}|{{ catalogue.listed.length }}");
    const build = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(build.code, build.stderr).toBe(0);
    expect(site.read("probe.txt")).toBe("null|4");
  });
});

describe("a template that fails", () => {
  it("stops the build with Eleventy's exit code and its own error, and publishes nothing", async () => {
    const site = fixtureProject({ reviews, files });
    writeFileSync(path.join(site.root, "pages", "broken.njk"), "---\npermalink: /broken/\n---\n{{ 1 | noSuchFilter }}");
    const build = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/Eleventy failed \(exit [1-9]\d*\):\n/);
    expect(build.stderr).toContain("noSuchFilter");
    expect(site.exists("index.html")).toBe(false);
  });
});
