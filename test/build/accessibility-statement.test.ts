/**
 * The accessibility statement says only what was really checked, how and when:
 * nothing automated for a build made without a check, the last recorded check
 * of every page, and the check the nightly ran on this version (a sample, or
 * every page) before it was published.
 */
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { globSync } from "tinyglobby";
import { describe, expect, it } from "vitest";
import { londonToday } from "../../src/cms/editor-rules.ts";
import { readableDate } from "../../src/model/dates.ts";
import { fixturePdf } from "../helpers/documents.ts";
import { fixtureProject } from "../helpers/fixture-project.ts";

const reviews = [
  {
    id: "cspr-one",
    title: "Child One",
    type: "CSPR",
    area: "northshire",
    status: "published",
    published: "2024-04-01",
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
  },
  { id: "scr-gone", title: "Child Two", type: "SCR", area: "southvale", status: "withheld", published: "2025-06-01" },
  { id: "scr-soon", title: "Child Three", type: "SCR", area: "northshire", status: "withheld", published: "2025-12-15" },
];
const files = { "cspr-one/overview-report.pdf": fixturePdf("Fixture document") };

/** The statement's "Preparation" section as text, tags taken out. */
function preparation(html: string): string {
  const section = html.slice(html.indexOf('id="preparation"'));
  return section.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("the accessibility statement of a build made without an accessibility check", () => {
  it("claims no automated check when none has been recorded", async () => {
    const site = fixtureProject({ reviews, files });
    const build = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(build.code, build.stderr).toBe(0);
    const text = preparation(site.read("accessibility/index.html"));
    expect(text).toContain("This website was last tested on 2 November 2026.");
    expect(text).not.toMatch(/checked automatically|each time the site is built|every page/i);
  });

  it("says when every page was last checked, as recorded beside the output, and ignores a record that is not one", async () => {
    const site = fixtureProject({ reviews, files });
    const record = path.join(site.root, "_site.a11y-check.json");
    writeFileSync(record, JSON.stringify({ generator: "learning-reviews", checkedOn: "2026-11-20", buildDate: "2026-11-20", pages: 31 }));
    expect((await site.run("build", [], { BUILD_DATE: "2026-11-26" })).code).toBe(0);
    const text = preparation(site.read("accessibility/index.html"));
    expect(text).toContain(
      "On 20 November 2026, every page of this website as it was then (31 pages) was checked automatically with pa11y, using its axe and HTML_CodeSniffer tools",
    );
    expect(text).toContain("at a phone width (320 pixels) and a desktop width (1280 pixels), and no errors were found.");
    expect(text).not.toMatch(/this version of the website|each time the site is built/);

    writeFileSync(record, JSON.stringify({ generator: "learning-reviews", checkedOn: "<b>soon</b>", pages: 31 }));
    expect((await site.run("build", [], { BUILD_DATE: "2026-11-27" })).code).toBe(0);
    expect(preparation(site.read("accessibility/index.html"))).not.toMatch(/checked automatically|soon/);
  });
});

describe("the accessibility statement of a nightly build", () => {
  it("says every page of this version was checked (scope all), records it, and the next night says so beside its sample", async () => {
    const site = fixtureProject({ reviews, files });
    const all = await site.runOn("2026-11-25", "nightly", ["--a11y", "always", "--a11y-scope", "all"]);
    expect(all.code, all.stderr + all.stdout).toBe(0);
    const first = preparation(site.read("accessibility/index.html"));
    expect(first).toContain("Before this version of the website (25 November 2026) was published, every one of its pages was checked automatically with pa11y");
    expect(first).toContain("A version of the website that fails this check is not published.");
    expect(first).not.toContain("some of its pages");

    const record = JSON.parse(readFileSync(path.join(site.root, "_site.a11y-check.json"), "utf8"));
    const pages = globSync("**/*.html", { cwd: path.join(site.root, "_site"), ignore: ["admin/**"] }).length;
    expect(record).toMatchObject({ generator: "learning-reviews", buildDate: "2026-11-25", pages });
    // Checked on the day the nightly ran.
    expect(record.checkedOn).toBe("2026-11-25");
    expect(all.stdout).toContain(`✔ ${pages * 2}/${pages * 2} URLs passed`);

    const sample = await site.runOn("2026-11-26", "nightly", ["--a11y", "always"]);
    expect(sample.code, sample.stderr + sample.stdout).toBe(0);
    const second = preparation(site.read("accessibility/index.html"));
    expect(second).toContain(`On ${readableDate(record.checkedOn)}, every page of this website as it was then (${pages} pages) was checked automatically`);
    expect(second).toContain(
      "Before this version of the website (26 November 2026) was published, some of its pages were checked automatically in the same way: one page of each kind",
    );
    expect(second).toContain("and every page that was new or had changed since the version before.");
    expect(second).not.toContain("every one of its pages");

    // A night without the check says nothing of this version, and still the last check of every page.
    const unchecked = await site.runOn("2026-11-27", "nightly", ["--a11y", "never"]);
    expect(unchecked.code, unchecked.stderr).toBe(0);
    const third = preparation(site.read("accessibility/index.html"));
    expect(third).toContain(`On ${readableDate(record.checkedOn)}, every page of this website as it was then`);
    expect(third).not.toContain("this version of the website");
  }, 300_000);
});

describe("the accessibility statement of a live build rebuilt to withdraw an expired SCR", () => {
  it("claims no check of its own (a rebuild is not checked again), though the build it rebuilds passed one", async () => {
    // Dates before today: a nightly never builds at a date after today. scr-soon leaves on 2026-11-20 here.
    const leaving = reviews.map((review) => (review.id === "scr-soon" ? { ...review, published: "2025-11-20" } : review));
    const site = fixtureProject({ reviews: leaving, files });
    expect((await site.run("build", [], { BUILD_DATE: "2026-11-19" })).code).toBe(0);
    // As a nightly that checked every page keeps its input: the rebuild must not inherit that claim.
    const kept = path.join(realpathSync(path.join(site.root, "_site")), "..", "input", "build-input.json");
    const input = JSON.parse(readFileSync(kept, "utf8"));
    writeFileSync(kept, JSON.stringify({ ...input, accessibilityChecks: { beforePublish: "all" } }));
    site.writeReviews('[ { "id": ');
    const night = await site.runOn("2026-11-20", "nightly", ["--a11y", "never"]);
    expect(night.code).toBe(1);
    expect(night.stderr).toContain("FALLBACK RAN: the live site was rebuilt with its own code and data");
    expect(site.read("reviews/scr-soon/index.html")).toContain("noindex");
    const text = preparation(site.read("accessibility/index.html"));
    expect(text).not.toMatch(/this version of the website|checked automatically/);
  });
});

describe("npm run test:a11y -- --site _site --record", () => {
  it("records a pass of every page of the published output, and the next build's statement says when", async () => {
    const site = fixtureProject({ reviews, files });
    expect((await site.run("build", [], { BUILD_DATE: "2026-11-25" })).code).toBe(0);
    const before = londonToday();
    const check = await site.run("a11y", ["--site", "_site", "--record"]);
    expect(check.code, check.stderr + check.stdout).toBe(0);
    const after = londonToday();
    expect(check.stdout).toContain("_site.a11y-check.json: the next build's accessibility statement will say so.");
    const record = JSON.parse(readFileSync(path.join(site.root, "_site.a11y-check.json"), "utf8"));
    const pages = globSync("**/*.html", { cwd: path.join(site.root, "_site"), ignore: ["admin/**"] }).length;
    expect(record).toMatchObject({ generator: "learning-reviews", buildDate: "2026-11-25", pages });
    expect(record.checkedOn >= before && record.checkedOn <= after).toBe(true);
    expect((await site.run("build", [], { BUILD_DATE: "2026-11-26" })).code).toBe(0);
    expect(preparation(site.read("accessibility/index.html"))).toContain(
      `On ${readableDate(record.checkedOn)}, every page of this website as it was then (${pages} pages) was checked automatically`,
    );
  }, 300_000);

  it("refuses, checking and recording nothing, when --site is not a published output of this site", async () => {
    const site = fixtureProject({ reviews, files });
    mkdirSync(path.join(site.root, "copied-site"));
    writeFileSync(path.join(site.root, "copied-site", "index.html"), "<!doctype html><title>A copy</title>");
    const plain = await site.run("a11y", ["--site", "copied-site", "--record"]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain("--record needs --site to be the published output of this site");
    expect(plain.stderr).toContain("copied-site is not. Nothing was checked or recorded.");
    expect(plain.stdout).not.toContain("URLs passed");
    const none = await site.run("a11y", ["--record"]);
    expect(none.code).toBe(2);
    expect(site.files(site.root).filter((file) => file.endsWith(".a11y-check.json"))).toEqual([]);
  });
});
