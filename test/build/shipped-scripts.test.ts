/**
 * Every script and stylesheet the build ships is one that a page loads: a script a page does not
 * use still runs under `script-src 'self'` if anyone points a page at it, so it is not shipped.
 * Built for another partnership (test/fixtures/partnership-b/) under a path of its domain.
 */
import { cpSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { FIXTURES, fixtureReviews, fixtureSite } from "../helpers/site.ts";

const PARTNERSHIP_B = path.join(FIXTURES, "partnership-b");
const SITE = new URL("https://learning.ehw-safeguarding.example.net/case-reviews/");

let site: FixtureProject;
let out: string;

beforeAll(async () => {
  site = fixtureProject({ site: { ...fixtureSite(PARTNERSHIP_B), url: SITE.href.replace(/\/$/, "") }, reviews: fixtureReviews(PARTNERSHIP_B) });
  cpSync(path.join(PARTNERSHIP_B, "reviews"), path.join(site.root, "reviews"), { recursive: true });
  const build = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
  expect(build.code, build.stderr + build.stdout).toBe(0);
  out = path.join(site.root, "_site");
});

/** The built file an address of the site names, or undefined for an address elsewhere. */
function fileAt(address: string, from: string): string | undefined {
  const url = new URL(address, new URL(from, SITE));
  if (url.origin !== SITE.origin || !url.pathname.startsWith(SITE.pathname)) return undefined;
  const file = decodeURIComponent(url.pathname.slice(SITE.pathname.length));
  return file.endsWith("/") || file === "" ? `${file}index.html` : file;
}

/**
 * What the site's pages load: each page's <script src> and stylesheet <link>s, then, in every
 * script loaded, the .js and .css files it names (search.js's dynamic import of
 * ../pagefind/pagefind.js, pagefind.js's `${basePath}pagefind-worker.js`), until nothing new is found.
 */
function loadedFiles(files: string[]): Set<string> {
  const loaded = new Set<string>();
  const scripts: string[] = [];
  const add = (file: string | undefined) => {
    if (!file || loaded.has(file) || !existsSync(path.join(out, file))) return;
    loaded.add(file);
    if (file.endsWith(".js")) scripts.push(file);
  };
  for (const page of files.filter((file) => file.endsWith(".html"))) {
    const html = readFileSync(path.join(out, page), "utf8");
    for (const [, src] of html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)) add(fileAt(src!.replaceAll("&amp;", "&"), page));
    for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
      const href = /\shref="([^"]+)"/.exec(tag!)?.[1];
      if (/\srel="stylesheet"/.test(tag!) && href) add(fileAt(href.replaceAll("&amp;", "&"), page));
    }
  }
  for (let script = scripts.shift(); script; script = scripts.shift()) {
    const code = readFileSync(path.join(out, script), "utf8");
    for (const [, name] of code.matchAll(/["'`}]([\w./-]*\.(?:js|css))["'`]/g)) add(fileAt(name!, script));
  }
  return loaded;
}

describe("the scripts and stylesheets a build ships (another partnership, under a path)", () => {
  it("are exactly those its pages load, search's Pagefind script and worker included, and nothing Pagefind's own UI brings", () => {
    const files = site.files();
    const shipped = files.filter((file) => /\.(js|css)$/.test(file));
    const loaded = loadedFiles(files);
    // The search and the finder load Pagefind by a dynamic import, and Pagefind its worker: both are found, so both are kept.
    expect([...loaded]).toEqual(expect.arrayContaining(["pagefind/pagefind.js", "pagefind/pagefind-worker.js", "assets/search.js"]));
    expect(shipped.filter((file) => !loaded.has(file))).toEqual([]);
  });

  it("still has every file Pagefind's search reads: its entry, the WebAssembly, and the index", () => {
    const pagefind = site.files().filter((file) => file.startsWith("pagefind/"));
    expect(pagefind).toContain("pagefind/pagefind-entry.json");
    expect(pagefind.some((file) => /^pagefind\/wasm\.[\w-]+\.pagefind$/.test(file))).toBe(true);
    for (const folder of ["index", "fragment", "filter"])
      expect(
        pagefind.some((file) => file.startsWith(`pagefind/${folder}/`)),
        folder,
      ).toBe(true);
  });
});
