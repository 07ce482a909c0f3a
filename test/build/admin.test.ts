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
import { SVELTIA_BUNDLE, sveltiaWithLocalFonts } from "../../src/cms/editor-bundle.ts";
import { FONTS } from "../../src/cms/fonts.ts";
import { weighPages } from "../../tools/page-weight.ts";
import { documentsOf } from "../helpers/documents.ts";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { fixtureReviews, fixtureSite, PROJECT_ROOT } from "../helpers/site.ts";

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

  it("is served from the site itself: its page, the generated config, Sveltia CMS's bundle from node_modules with its fonts, and the editor's script", () => {
    expect(site.files().filter((f) => f.startsWith("admin/"))).toEqual([
      "admin/config.yml",
      "admin/fonts/material-symbols-outlined.woff2",
      "admin/fonts/noto-mono.woff2",
      "admin/fonts/source-sans-3.woff2",
      "admin/index.html",
      "admin/reviews-editor.js",
      "admin/sveltia-cms.js",
    ]);
    const bundle = site.read("admin/sveltia-cms.js");
    expect(bundle).toBe(sveltiaWithLocalFonts(readFileSync(path.join(PROJECT_ROOT, SVELTIA_BUNDLE), "utf8")));
    for (const font of FONTS) {
      expect(bundle).toContain(`url(${font.to})`);
      expect(readFileSync(path.join(out, "admin", font.to))).toEqual(readFileSync(path.join(PROJECT_ROOT, font.from)));
    }
    expect(bundle).not.toMatch(/cdn\.jsdelivr\.net|fonts\.googleapis|fonts\.gstatic/);
    // The project's own admin/config.yml (made by its npm run schema), not this repository's, which is another partnership's content.
    expect(site.read("admin/config.yml")).toBe(readFileSync(path.join(site.root, "admin", "config.yml"), "utf8"));
    const page = site.read("admin/index.html");
    expect(page).toContain('<script src="sveltia-cms.js"></script>\n<script src="reviews-editor.js"></script>');
    expect(page).not.toMatch(/https?:\/\/(?!api\.github\.com|github\.com|\*?\.?\w*\.?githubusercontent\.com)[^\s"';]+/);
  });

  it("hands the editor's script this partnership's areas and retention period, from its site.json", () => {
    const script = site.read("admin/reviews-editor.js");
    const areas = Object.keys(fixtureSite().areas as object);
    // Minified: the settings object as a literal, its keys unquoted.
    const settings = `{retentionMonths:${fixtureSite().retentionMonths},areaKeys:${JSON.stringify(areas)}}`;
    expect(script.includes(settings), `the script holds ${settings}`).toBe(true);
    expect(script.includes('"reviews-json"')).toBe(true);
  });

  it("refuses to serve a Sveltia CMS bundle that loads a font from anywhere but the site", () => {
    const bundle = readFileSync(path.join(PROJECT_ROOT, SVELTIA_BUNDLE), "utf8");
    expect(() => sveltiaWithLocalFonts(bundle.replace(FONTS[0].cdn, "https://fonts.example/icons.woff2"))).toThrow(
      /no longer loads fonts\/material-symbols-outlined\.woff2/,
    );
    expect(() => sveltiaWithLocalFonts(`${bundle}src:url(https://cdn.jsdelivr.net/fontsource/fonts/new-font@1/latin.woff2)`)).toThrow(
      /loads a font this site does not serve/,
    );
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
