/**
 * The editor at /admin/ is in every build, and leaves no trace in the public
 * site: noindex, its own Content-Security-Policy, its script only there, and
 * nowhere in the sitemap, feed, search index, open data or page-weight budget.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { indexedUrls } from "../../src/build/search-index.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/eleventy/csp.ts";
import { SVELTIA_BUNDLE } from "../../src/eleventy/passthrough.ts";
import { weighPages } from "../../tools/page-weight.ts";
import { documentsOf } from "../helpers/documents.ts";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { fixtureReviews, PROJECT_ROOT } from "../helpers/site.ts";

const cspOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replaceAll("&#39;", "'");

describe("the editor at /admin/ (built site)", () => {
  let site: FixtureProject;
  let out: string;
  beforeAll(async () => {
    const reviews = fixtureReviews();
    site = fixtureProject({ reviews, files: documentsOf(reviews) });
    const build = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(build.code, build.stderr).toBe(0);
    out = path.join(site.root, "_site");
  });

  it("is served from the site itself: its page, the generated config and Sveltia CMS's bundle from node_modules (no CDN)", () => {
    expect(site.files().filter((f) => f.startsWith("admin/"))).toEqual(["admin/config.yml", "admin/index.html", "admin/sveltia-cms.js"]);
    expect(readFileSync(path.join(out, "admin", "sveltia-cms.js"))).toEqual(readFileSync(path.join(PROJECT_ROOT, SVELTIA_BUNDLE)));
    expect(site.read("admin/config.yml")).toBe(readFileSync(path.join(PROJECT_ROOT, "admin", "config.yml"), "utf8"));
    const page = site.read("admin/index.html");
    expect(page).toContain('<script src="sveltia-cms.js"></script>');
    expect(page).not.toMatch(/https?:\/\/(?!api\.github\.com|github\.com|\*?\.?\w*\.?githubusercontent\.com)[^\s"';]+/);
  });

  it("is noindex, with its own Content-Security-Policy that the public pages do not share", () => {
    const page = site.read("admin/index.html");
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    const csp = cspOf(page)!;
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toBe(CONTENT_SECURITY_POLICY);
    for (const file of site.files().filter((f) => f.endsWith(".html") && !f.startsWith("admin/"))) {
      expect(cspOf(site.read(file)), file).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it("is not linked from, and its script not loaded by, any public page", () => {
    for (const file of site.files().filter((f) => !f.startsWith("admin/") && !f.startsWith("pagefind/") && /\.(html|xml|json|csv|txt|js|css)$/.test(f))) {
      const text = site.read(file);
      expect(text, file).not.toMatch(/\/admin\b/);
      expect(text, file).not.toContain("sveltia");
    }
  });

  it("is not in the sitemap, the feed, the open data or the search index, nor weighed against the page budget", () => {
    for (const file of ["sitemap.xml", "feed.xml", "reviews.json", "reviews.csv"]) expect(site.read(file), file).not.toContain("admin");
    expect(indexedUrls(out).filter((url) => url.includes("admin"))).toEqual([]);
    expect(weighPages(out).map((w) => w.page)).not.toContain("admin/index.html");
  });
});
