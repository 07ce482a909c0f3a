/**
 * Adopting the site, as another partnership would: copy the repository, swap in
 * its own `_data/site.json`, `_data/reviews.json` and `reviews/`
 * (test/fixtures/partnership-b/), and the content checks pass on the copy.
 */
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { contentChecks } from "../helpers/content-checks.ts";
import { FIXTURES, fixtureReviews, fixtureSite } from "../helpers/site.ts";

const PARTNERSHIP_B = path.join(FIXTURES, "partnership-b");

describe("another partnership adopting the site", () => {
  let copy: FixtureProject;
  const site = fixtureSite(PARTNERSHIP_B) as { partnership: { shortName: string }; url: string };
  beforeAll(async () => {
    copy = fixtureProject({ site, reviews: fixtureReviews(PARTNERSHIP_B) });
    cpSync(path.join(PARTNERSHIP_B, "reviews"), path.join(copy.root, "reviews"), { recursive: true });
    // What the README asks after changing the areas: rewrite the editors' JSON Schemas.
    const schema = await copy.run("schema");
    expect(schema.code, schema.stderr).toBe(0);
  });

  it("passes the content checks: validate, the schema files and the page weight of every page", async () => {
    const result = await contentChecks(copy.root);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain(`the data in ${copy.root}`);
    expect(result.stdout).toContain(`page weight of the site built from ${copy.root}`);
    expect(result.stdout).not.toMatch(/\bfailed\b/);
  }, 300_000);

  it("builds its own site, with nothing of the sample's or the fixture's", async () => {
    const build = await copy.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(build.code, build.stderr).toBe(0);
    const home = copy.read("index.html");
    expect(home).toContain(site.partnership.shortName);
    expect(home).toContain('<span aria-hidden="true">†</span>');
    expect(copy.read("reviews/child-rowan/index.html")).toContain(`<link rel="canonical" href="${site.url}/reviews/child-rowan/">`);
    for (const other of ["Lancashire", "Northshire", "reviews.example.org"])
      expect(copy.files().filter((file) => /\.(html|xml|json|csv|txt)$/.test(file) && copy.read(file).includes(other))).toEqual([]);
    expect(copy.files().filter((file) => file.endsWith(".pdf"))).toEqual([
      "reviews/baby-sorrel/learning-summary.pdf",
      "reviews/child-rowan/overview-report.pdf",
      "reviews/child-rowan/practitioner-briefing.pdf",
      "reviews/child-willow/overview-report.pdf",
    ]);
  });

  it("says its own 24 months wherever a page or the editor's settings say how long SCRs stay, and never 12", async () => {
    expect((site as { retentionMonths?: number }).retentionMonths).toBe(24);
    const build = await copy.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(build.code, build.stderr).toBe(0);
    expect(copy.read("index.html")).toContain("stay on this site for 24 months after they are published");
    expect(copy.read("open-data/index.html")).toContain("after 24 months.");
    // The editor is built apart from the public site; its settings are the project's own admin/config.yml.
    const editorSettings = readFileSync(path.join(copy.root, "admin", "config.yml"), "utf8");
    expect(editorSettings).toContain("An SCR leaves the site 24 months after its publication date");
    const texts = copy.files().filter((file) => /\.(html|xml|json|csv|txt|yml)$/.test(file));
    expect(editorSettings).not.toMatch(/\b12[- ]months?\b|\btwelve\b/i);
    expect(texts.filter((file) => /\b12[- ]months?\b|\btwelve\b/i.test(copy.read(file)))).toEqual([]);
  });

  it("passes the accessibility check (pa11y-ci) on every page", async () => {
    const result = await copy.run("a11y", [], { BUILD_DATE: "2026-11-26" });
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/\b(\d{2,})\/\1 URLs passed/);
  }, 600_000);
});
