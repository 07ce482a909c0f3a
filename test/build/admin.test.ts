/**
 * The editor (Sveltia CMS) and the public site. Sveltia keeps the signed-in user's GitHub token in the
 * localStorage of the editor's origin, readable by every page of that origin, so the public build leaves the
 * editor out unless site.json says it is served with the site on purpose (`cms.withPublicSite`), and
 * `npm run build:editor` builds it alone, for an origin of its own. Where it is built it is noindex, has its own
 * Content-Security-Policy, and its scripts load only there, nowhere in the sitemap, feed, search index, open data
 * or page-weight budget.
 */
import { readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { indexedUrls } from "../../src/eleventy/search-index.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/eleventy/csp.ts";
import { SVELTIA_BUNDLE, sveltiaWithLocalFonts } from "../../src/cms/editor-bundle.ts";
import { FONTS } from "../../src/eleventy/editor-fonts.ts";
import { weighPages } from "../../tools/page-weight.ts";
import { documentsOf } from "../helpers/documents.ts";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { fixtureReviews, fixtureSite, PROJECT_ROOT } from "../helpers/site.ts";
import { globSync } from "tinyglobby";

const cspOf = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replaceAll("&#39;", "'");
const EDITOR_FILES = [
  "config.yml",
  "editor-boot.js",
  "fonts/material-symbols-outlined.woff2",
  "fonts/noto-mono.woff2",
  "fonts/source-sans-3.woff2",
  "index.html",
  "reviews-editor.js",
  "sveltia-cms.js",
];
const filesUnder = (dir: string) => globSync("**", { cwd: dir, dot: true }).sort();

describe("the public build without the editor (the default)", () => {
  let site: FixtureProject;
  let stdout: string;
  beforeAll(async () => {
    const reviews = fixtureReviews();
    // A partnership that has set up the editor (cms.repo) but not said it is served with the public site.
    site = fixtureProject({ reviews, site: { ...fixtureSite(), cms: { repo: "northshire-scp/reviews" } }, files: documentsOf(reviews) });
    const build = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(build.code, build.stderr).toBe(0);
    stdout = build.stdout;
  });

  it("says where the editor went, to a site that has one (cms in site.json)", () => {
    expect(stdout).toContain("The editor is not in the public site: build it apart with `npm run build:editor`");
  });

  it("has no /admin/ and no editor script anywhere in the site", () => {
    expect(site.files().filter((f) => f.startsWith("admin"))).toEqual([]);
    expect(site.exists("index.html")).toBe(true);
    for (const file of site.files().filter((f) => /\.(html|js|xml|json|txt)$/.test(f) && !f.startsWith("pagefind/"))) {
      const text = site.read(file);
      expect(text, file).not.toMatch(/sveltia|reviews-editor|editor-boot|\/admin\b/i);
    }
  });
});

describe("the editor built alone (npm run build:editor)", () => {
  let site: FixtureProject;
  let editor: string;
  let withSite: FixtureProject;
  beforeAll(async () => {
    const reviews = fixtureReviews();
    site = fixtureProject({ reviews, files: documentsOf(reviews) });
    editor = path.join(site.root, "_editor");
    const built = await site.run("build-editor", ["--out", editor]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain(editor);
    withSite = fixtureProject({
      reviews,
      site: { ...fixtureSite(), cms: { repo: "northshire-scp/reviews", withPublicSite: true } },
      files: documentsOf(reviews),
    });
    const build = await withSite.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(build.code, build.stderr).toBe(0);
  });

  it("holds the editor and nothing of the public site: no reviews, documents, assets or search index", () => {
    expect(filesUnder(editor)).toEqual([...EDITOR_FILES, ".learning-reviews-editor", "robots.txt"].sort());
    expect(readFileSync(path.join(editor, "robots.txt"), "utf8")).toBe("User-agent: *\nDisallow: /\n");
  });

  it("carries the site's own icon in its page, so a browser asks its origin for no /favicon.ico it does not have (a 404 in the console)", () => {
    const page = readFileSync(path.join(editor, "index.html"), "utf8");
    const href = /<link rel="icon" href="data:image\/svg\+xml,([^"]+)"/.exec(page)?.[1];
    expect(href, "index.html's icon link").toBeDefined();
    expect(decodeURIComponent(href!).replaceAll("'", '"')).toBe(readFileSync(path.join(PROJECT_ROOT, "pages/icons/favicon.svg"), "utf8").trim());
  });

  it("is the same editor, file for file, as the one a site that serves it with the public pages carries at /admin/", () => {
    for (const file of EDITOR_FILES) {
      expect(readFileSync(path.join(editor, file)), file).toEqual(readFileSync(path.join(withSite.root, "_site", "admin", file)));
    }
  });

  it("can be read by a web server running as another user: folders 0755, files 0644", () => {
    for (const file of filesUnder(editor)) expect((statSync(path.join(editor, file)).mode & 0o777).toString(8), file).toBe("644");
    expect((statSync(path.join(editor, "fonts")).mode & 0o777).toString(8)).toBe("755");
  });

  it("builds again over its own earlier build, and refuses a folder it did not make, changing nothing in it", async () => {
    const again = await site.run("build-editor", ["--out", editor]);
    expect(again.code, again.stderr).toBe(0);
    expect(filesUnder(editor)).toEqual([...EDITOR_FILES, ".learning-reviews-editor", "robots.txt"].sort());
    const other = path.join(site.root, "not-the-editor");
    mkdirSync(other);
    writeFileSync(path.join(other, "index.html"), "a page of something else");
    const refused = await site.run("build-editor", ["--out", other]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${other} holds files this command did not write (it has no .learning-reviews-editor file: index.html)`);
    expect(filesUnder(other)).toEqual(["index.html"]);
    const intoProject = await site.run("build-editor", ["--out", "."]);
    expect(intoProject.code).toBe(1);
    expect(intoProject.stderr).toMatch(/not the project folder/);
  });

  it("refuses a folder inside the public site's output (--out _site/admin), so the editor never lands beside the public pages", async () => {
    const build = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(build.code, build.stderr).toBe(0);
    const before = site.files();
    const refused = await site.run("build-editor", ["--out", path.join("_site", "admin")]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("inside a build of the public site");
    expect(refused.stderr).toContain("--out _editor");
    expect(site.files()).toEqual(before);
    expect(site.exists("admin/index.html")).toBe(false);
  });
});

describe("the editor at /admin/ of a site that says it is served with the public pages (cms.withPublicSite)", () => {
  let site: FixtureProject;
  let out: string;
  beforeAll(async () => {
    const reviews = fixtureReviews();
    site = fixtureProject({ reviews, site: { ...fixtureSite(), cms: { repo: "northshire-scp/reviews", withPublicSite: true } }, files: documentsOf(reviews) });
    const build = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(build.code, build.stderr).toBe(0);
    out = path.join(site.root, "_site");
  });

  it("is served from the site itself: its page, the generated config, Sveltia CMS's bundle from node_modules with its fonts, and the editor's script", () => {
    expect(site.files().filter((f) => f.startsWith("admin/"))).toEqual([
      "admin/config.yml",
      "admin/editor-boot.js",
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
    // One script, which loads Sveltia CMS and the editor's script only in a window of its own (not framed).
    expect(page.match(/<script[^>]*>/g)).toEqual(['<script src="editor-boot.js">']);
    expect(site.read("admin/editor-boot.js")).toMatch(/window\.top !== window\.self/);
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
    // Forms only to itself: Sveltia's sign-ins post no form (a token is typed; GitHub's OAuth opens a window).
    expect(csp).toMatch(/form-action 'self'(;|$)/);
    expect(csp).not.toBe(CONTENT_SECURITY_POLICY);
    for (const file of site.files().filter((f) => f.endsWith(".html") && !f.startsWith("admin/"))) {
      const publicCsp = cspOf(site.read(file));
      expect(publicCsp, file).toBe(CONTENT_SECURITY_POLICY);
      // Trusted Types on every public page: no string reaches a script sink but through the site's one policy.
      expect(publicCsp, file).toContain("require-trusted-types-for 'script'");
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
