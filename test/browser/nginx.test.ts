import { request } from "node:http";
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { chromeLaunchConfig } from "../../src/checks/chromium.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/eleventy/csp.ts";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { PROJECT_ROOT, fixtureSite } from "../helpers/site.ts";
import { fixturePdf } from "../helpers/documents.ts";
import { serveWithNginx, type Nginx } from "../helpers/nginx.ts";

/**
 * The site as a partnership hosts it itself: under a path of its own domain
 * (/review/), served by nginx whose workers run as www-data, with the location
 * block docs/deploying.md ships (deploy/nginx/learning-reviews.conf).
 */
const PREFIX = "/review/";
const PDF = fixturePdf("Fixture document");
const reviews = [
  {
    id: "kept",
    title: "Child Kept",
    type: "CSPR",
    area: "northshire",
    status: "published",
    published: "2024-04-01",
    summary: "About zanzibarite learning and [the other review](/reviews/also-kept/).",
    themes: ["neglect"],
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview report #1.pdf" }],
  },
  {
    id: "also-kept",
    title: "Child Also Kept",
    type: "SCR",
    area: "southvale",
    status: "withheld",
    published: "2026-06-01",
    themes: ["neglect"],
    documents: [{ kind: "learning-brief", title: "Learning brief", file: "brief.pdf" }],
  },
  { id: "gone", title: "Child Gone", type: "SCR", area: "northshire", status: "published", published: "2024-01-01", summary: "Quixotically removed." },
];

let site: FixtureProject;
let nginx: Nginx;
let base: string;
let browser: Browser;

beforeAll(async () => {
  site = fixtureProject({
    reviews,
    // A site that says it serves the editor with the public pages (cms.withPublicSite), so that /admin/ is tried under nginx too.
    site: { ...fixtureSite(), url: "https://www.example.org/review", cms: { repo: "northshire-scp/reviews", withPublicSite: true } },
    files: { "kept/overview report #1.pdf": PDF, "also-kept/brief.pdf": PDF },
  });
  // The nightly job, so that its own checks (links, search index, permissions, pa11y) run on a site under a path too.
  const built = await site.runOn("2026-11-26", "nightly", ["--a11y", "always"]);
  expect(built.code, built.stderr + built.stdout).toBe(0);
  expect(built.stdout).toContain("Checked links, removed reviews and the search index: no problems.");
  expect(built.stdout).toMatch(/✔ \d+\/\d+ URLs passed/);
  // Every folder on the way to the output readable by www-data, as on a real host (test/helpers/nginx.ts).
  nginx = await serveWithNginx([{ folder: path.join(site.root, "_site"), prefix: PREFIX }]);
  base = nginx.origins[0]!;
  browser = await chromium.launch(chromeLaunchConfig());
});

/** A GET with headers of the test's choosing (fetch will not forge a Host), not following redirects. */
function get(
  address: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${address}`, { headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

afterAll(async () => {
  await browser?.close();
  await nginx?.close();
});

describe("served by nginx under a path, as www-data", () => {
  it("answers 200 for every page, asset and document of the build, with the right address for each", async () => {
    const files = site.files().filter((file) => !file.startsWith(".") && !file.includes("/."));
    expect(files.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const file of files) {
      const address =
        PREFIX +
        file
          .split("/")
          .map(encodeURIComponent)
          .join("/")
          .replace(/(^|\/)index\.html$/, "$1");
      const response = await fetch(base + address);
      if (response.status !== 200) failures.push(`${address}: ${response.status}`);
      await response.arrayBuffer();
    }
    expect(failures).toEqual([]);
  });

  it("serves the icons and a review's RIS citation under the path with their own types", async () => {
    for (const [address, type] of [
      ["favicon.ico", "image/x-icon"],
      ["favicon.svg", "image/svg+xml"],
      ["apple-touch-icon.png", "image/png"],
      ["reviews/kept/citation.ris", "application/x-research-info-systems"],
    ]) {
      const response = await get(`${PREFIX}${address}`);
      expect(response.status, address).toBe(200);
      expect(response.headers["content-type"], address).toBe(type);
    }
    expect((await get(`${PREFIX}reviews/kept/citation.ris`)).body).toMatch(/^TY {2}- RPRT\r\n[\s\S]*\r\nER {2}- \r\n$/);
    expect((await get(`${PREFIX}reviews/gone/citation.ris`)).status).toBe(404);
  });

  it("sends Access-Control-Allow-Origin: * on the search index alone, beside the other headers", async () => {
    for (const address of ["pagefind/pagefind-entry.json", "pagefind/pagefind.js"]) {
      const response = await get(`${PREFIX}${address}`);
      expect(response.status, address).toBe(200);
      expect(response.headers["access-control-allow-origin"], address).toBe("*");
      expect(response.headers["x-content-type-options"], address).toBe("nosniff");
      expect(response.headers["content-security-policy"], address).toBe("frame-ancestors 'none'");
    }
    for (const address of ["", "reviews/kept/", "reviews.json", "no/such/page/"])
      expect((await get(`${PREFIX}${address}`)).headers["access-control-allow-origin"], address).toBeUndefined();
  });

  it("lets a page of another origin search the index in Chromium, as a finder merging it would, never finding a removed review", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Another origin: a server of its own on 127.0.0.1, whose one page has no policy of its own.
    const other = createHttpServer((_, response) => response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Finder</title>"));
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => other.close(() => resolve())));
    await page.goto(`http://127.0.0.1:${(other.address() as { port: number }).port}/`);
    const index = `${base}${PREFIX}pagefind/`;
    // A string, so that Vite leaves its import() alone: the page imports the other site's Pagefind and searches it.
    const found = (await page.evaluate(`(async () => {
      const pagefind = await import(${JSON.stringify(`${index}pagefind.js`)});
      await pagefind.options({ basePath: ${JSON.stringify(index)} });
      const urls = async (query) => Promise.all((await pagefind.search(query)).results.map(async (result) => (await result.data()).url));
      return { kept: await urls("zanzibarite"), gone: await urls("quixotically") };
    })()`)) as { kept: string[]; gone: string[] };
    expect(found.kept).toEqual([`${base}${PREFIX}reviews/kept/`]);
    expect(found.gone).toEqual([]);
    // Anything else of the site stays unreadable from another origin's script.
    expect(
      await page.evaluate(
        async (url) =>
          fetch(url).then(
            () => "read",
            () => "refused",
          ),
        `${base}${PREFIX}reviews/kept/`,
      ),
    ).toBe("refused");
    await context.close();
  });

  it("answers an unknown address with 404 and the site's own 404 page, its links under the path", async () => {
    const response = await fetch(`${base}${PREFIX}no/such/page/`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("<h1>");
    expect(html).toContain(`href="${PREFIX}assets/site.css"`);
  });

  it("never serves a hidden file or folder (the build's marker, however the address is spelled): 404 and the site's 404 page", async () => {
    expect(site.exists(".learning-reviews-build")).toBe(true);
    // A hidden folder with a page in it, readable by www-data; removed again so that the other tests see the build as it was.
    const hidden = path.join(site.root, "_site", ".hidden-folder");
    mkdirSync(hidden, { mode: 0o755 });
    writeFileSync(path.join(hidden, "page.html"), "HIDDEN", { mode: 0o644 });
    try {
      for (const address of [
        ".learning-reviews-build",
        "%2Elearning-reviews-build",
        "reviews/../.learning-reviews-build",
        ".hidden-folder/page.html",
        ".hidden-folder/",
      ]) {
        const response = await get(`${PREFIX}${address}`);
        expect(response.status, address).toBe(404);
        expect(response.body, address).toContain(`href="${PREFIX}assets/site.css"`);
        expect(response.body, address).not.toContain("HIDDEN");
      }
    } finally {
      rmSync(hidden, { recursive: true, force: true });
    }
  });

  it("still serves /.well-known/ under the path, for a host that puts a file there", async () => {
    const wellKnown = path.join(site.root, "_site", ".well-known");
    mkdirSync(wellKnown, { mode: 0o755 });
    writeFileSync(path.join(wellKnown, "security.txt"), "Contact: mailto:security@example.org\n", { mode: 0o644 });
    try {
      const response = await get(`${PREFIX}.well-known/security.txt`);
      expect(response.status).toBe(200);
      expect(response.body).toBe("Contact: mailto:security@example.org\n");
    } finally {
      rmSync(wellKnown, { recursive: true, force: true });
    }
  });

  it("redirects a folder asked for without its slash to a path on the same site, whatever Host the request claims", async () => {
    for (const folder of ["reviews", "reviews/kept"]) {
      const response = await get(`${PREFIX}${folder}`, { Host: "evil.example" });
      expect(response.status, folder).toBe(301);
      expect(response.headers.location, folder).toBe(`${PREFIX}${folder}/`);
    }
  });

  it("has every internal reference of every page under the path", () => {
    const problems: string[] = [];
    for (const file of site.files().filter((f) => f.endsWith(".html"))) {
      for (const [, attribute, value] of site.read(file).matchAll(/\s(href|src|action)="([^"]*)"/g)) {
        if (value!.startsWith("/") && !value!.startsWith(PREFIX)) problems.push(`${file}: ${attribute}="${value}"`);
      }
    }
    expect(problems).toEqual([]);
    expect(site.read("sitemap.xml")).toContain("<loc>https://www.example.org/review/reviews/kept/</loc>");
    expect(site.read("sitemap.xml")).not.toMatch(/<loc>https:\/\/www\.example\.org\/(?!review\/)/);
    expect(site.read("feed.xml")).toContain('href="https://www.example.org/review/feed.xml"');
    expect(site.read("robots.txt")).toContain("Sitemap: https://www.example.org/review/sitemap.xml");
    expect(site.read("index.html")).toContain('<link rel="canonical" href="https://www.example.org/review/">');
    const data = JSON.parse(site.read("reviews.json"));
    expect(data.reviews.find((r: { id: string }) => r.id === "kept").documents.map((doc: { url: string }) => doc.url)).toEqual([
      "https://www.example.org/review/reviews/kept/overview%20report%20%231.pdf",
    ]);
  });

  it("finds a review by search in Chromium under the path, and never a removed one, with no CSP violation on any kind of page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => violations.push(`${page.url()}: ${error.message}`));
    // The old search address sends the query on to the one search on the list, under the path.
    await page.goto(`${base}${PREFIX}search/?q=zanzibarite`);
    await expect
      .poll(() => page.locator("#finder-results .review-title > a").evaluateAll((links) => links.map((a) => a.getAttribute("href"))), { timeout: 15_000 })
      .toEqual([`${PREFIX}reviews/kept/`]);
    expect(new URL(page.url()).pathname).toBe(PREFIX);
    await page.goto(`${base}${PREFIX}?q=quixotically`);
    await expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 15_000 }).toMatch(/^No reviews match/);
    for (const address of ["", "reviews/", "reviews/kept/", "reviews/gone/", "reviews/theme/neglect/", "open-data/", "accessibility/", "no-such-page/"]) {
      await page.goto(`${base}${PREFIX}${address}`);
      await page.waitForLoadState("load");
    }
    // With JavaScript on, the finder's filters run too, and their links stay under the path.
    await page.goto(`${base}${PREFIX}?type=cspr`);
    await expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 15_000 }).toMatch(/^1 review matches/);
    expect(await page.locator("#finder-results a").first().getAttribute("href")).toMatch(new RegExp(`^${PREFIX}reviews/`));
    expect(violations).toEqual([]);
    await context.close();
  });

  it("serves the editor at /admin/ under the path, and no header of the shipped configuration blocks it", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on("console", (message) => {
      // Sveltia CMS's update check (unpkg.com) and GitHub's status page are blocked by the editor's own policy, by design.
      if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text()) && !/unpkg\.com|githubstatus\.com/.test(message.text()))
        blocked.push(message.text());
    });
    const response = await page.goto(`${base}${PREFIX}admin/`);
    expect(response?.status()).toBe(200);
    await page.getByRole("button", { name: /Work with Local Repository/ }).waitFor({ timeout: 15_000 });
    expect(blocked).toEqual([]);
    // The public pages' policy, which blocks the editor's styles and GitHub's API, is not sent for it.
    expect(response?.headers()["content-security-policy"] ?? "").not.toContain("style-src 'self';");
    await context.close();
  });

  it("carries the same Content-Security-Policy on every public page, and the header files shipped for hosts add only frame-ancestors", () => {
    for (const file of site.files().filter((f) => f.endsWith(".html") && !f.startsWith("admin/"))) {
      expect(site.read(file), file).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replaceAll("'", "&#39;")}">`);
    }
    // The header files add only frame-ancestors, which a <meta> policy cannot say: one Content-Security-Policy header each.
    const headers = readFileSync(path.join(PROJECT_ROOT, "deploy", "_headers"), "utf8");
    expect(headers.match(/Content-Security-Policy:.*/g)).toEqual(["Content-Security-Policy: frame-ancestors 'none'"]);
    const nginx = readFileSync(path.join(PROJECT_ROOT, "deploy", "nginx", "learning-reviews.conf"), "utf8");
    expect(nginx.match(/add_header Content-Security-Policy .*/g)).toEqual([`add_header Content-Security-Policy "frame-ancestors 'none'" always;`]);
    expect(realpathSync(path.join(site.root, "_site"))).toContain("_site.builds");
  });
});
