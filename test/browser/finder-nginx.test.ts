/**
 * A finder and its partnerships, all served by the real nginx with the location block the project ships
 * (deploy/nginx/learning-reviews.conf, its headers unchanged): the two fixture partnerships each on an origin of
 * its own at `/`, the finder under `/review/` of a third, as docs/deploying.md says to put them. The finder is built
 * from the partnerships' feeds read through nginx, and in Chromium its search box finds a review by a phrase that
 * is only inside partnership B's PDF, with no Content-Security-Policy violation: the header policy (only
 * frame-ancestors) leaves each page's own <meta> policy, whose connect-src names each feed's origin, to decide.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromeLaunchConfig } from "../../src/checks/chromium.ts";
import { buildFixture, FIXTURE_BUILD_DATE } from "../helpers/browser.ts";
import { PHRASES_INSIDE } from "../helpers/documents.ts";
import type { FixtureProject } from "../helpers/fixture-project.ts";
import { finderProject, finderSite } from "../helpers/finder.ts";
import { serveWithNginx, type Nginx } from "../helpers/nginx.ts";
import { buildPartnershipB, PHRASES_INSIDE_B } from "../helpers/partnership-b.ts";

const A = { id: "northshire", name: "Northshire and Southvale Safeguarding Children Partnership", site: "https://reviews.example.org" };
const B = { id: "ehw", name: "Eastmere, Holt and Wold Children's Safeguarding Partnership", site: "https://learning.ehw-safeguarding.example.net" };
const INSIDE_B = PHRASES_INSIDE_B["child-rowan/overview-report.pdf"]!;
const ROWAN = `${B.site}/reviews/child-rowan/`;
const PREFIX = "/review/";

let nginx: Nginx;
let browser: Browser;
let finder: FixtureProject;
let finderOrigin: string;
let origins: { a: string; b: string };

beforeAll(async () => {
  const [siteA, siteB] = await Promise.all([buildFixture(), buildPartnershipB()]);
  // The finder's project first (nginx serves its _site once built), its sources written once nginx has given the partnerships their ports.
  finder = finderProject([]);
  writeFileSync(path.join(finder.root, "_data", "site.json"), JSON.stringify({ ...finderSite(), url: `https://finder.example.org${PREFIX.slice(0, -1)}` }));
  nginx = await serveWithNginx([
    { folder: siteA, prefix: "/" },
    { folder: siteB, prefix: "/" },
    { folder: path.join(finder.root, "_site"), prefix: PREFIX },
  ]);
  const [a, b, f] = nginx.origins as [string, string, string];
  origins = { a, b };
  finderOrigin = f;
  const sources = [
    { ...A, feed: `${a}/reviews.json` },
    { ...B, feed: `${b}/reviews.json` },
  ];
  writeFileSync(path.join(finder.root, "_data", "sources.json"), JSON.stringify(sources));
  const built = await finder.run("build", [], { BUILD_DATE: FIXTURE_BUILD_DATE });
  if (built.code !== 0) throw new Error(built.stderr + built.stdout);
  browser = await chromium.launch(chromeLaunchConfig());
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await nginx?.close();
});

describe("a finder and its partnerships under nginx, with the shipped headers", () => {
  it("reads every partnership's feed through nginx, and sends the partnerships' search index to any origin", async () => {
    const sourcesPage = await (await fetch(`${finderOrigin}${PREFIX}sources/`)).text();
    expect(sourcesPage).toContain(A.name);
    expect(sourcesPage).toContain(B.name.replaceAll("'", "&#39;"));
    expect(sourcesPage).not.toMatch(/Not read|Never read/);
    for (const origin of [origins.a, origins.b]) {
      const index = await fetch(`${origin}/pagefind/pagefind-entry.json`, { headers: { Origin: finderOrigin } });
      expect(index.status, origin).toBe(200);
      expect(index.headers.get("access-control-allow-origin"), origin).toBe("*");
      // The feed itself is read by the finder's build, not by the visitor's browser: it is not opened to other origins.
      expect((await fetch(`${origin}/reviews.json`)).headers.get("access-control-allow-origin"), origin).toBeNull();
    }
  });

  it("sends the finder's pages with no connect-src in the header, and each page's own policy names both partnerships' origins", async () => {
    const response = await fetch(`${finderOrigin}${PREFIX}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(await response.text())?.[1]?.replaceAll("&#39;", "'");
    const connect = meta?.split(";").find((directive) => directive.trim().startsWith("connect-src"));
    expect(connect?.trim().split(/\s+/)).toEqual(expect.arrayContaining(["connect-src", "'self'", origins.a, origins.b]));
  });

  it("finds a review by a phrase only inside partnership B's PDF in Chromium, linked to B's own page, with no CSP violation", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error" || /Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on("requestfailed", (request) => problems.push(`${request.url()}: ${request.failure()?.errorText}`));
    const titles = () => page.locator("#finder-results .review-title > a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    await page.goto(`${finderOrigin}${PREFIX}?q=${encodeURIComponent(INSIDE_B)}`);
    await expect.poll(titles, { timeout: 30_000 }).toEqual([ROWAN]);
    expect(await page.locator("#finder-results .result-documents a").first().getAttribute("href")).toMatch(
      new RegExp(`^${ROWAN.replaceAll(".", "\\.")}#document-\\d+$`),
    );
    expect(await page.locator("#finder-source-notice").isHidden()).toBe(true);
    // And partnership A's, from the same page: both partnerships' indexes were read across origins.
    await page.goto(`${finderOrigin}${PREFIX}?q=${encodeURIComponent(PHRASES_INSIDE["child-amber/overview-report.pdf"]!)}`);
    await expect.poll(titles, { timeout: 30_000 }).toEqual([`${A.site}/reviews/child-amber/`]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
