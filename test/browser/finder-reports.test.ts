/**
 * A finder's search inside the reports of the partnerships it lists (issue 23, part 2), through its own page in
 * Chromium: the two fixture partnerships are built by this project and served on 127.0.0.1 (their search indexes
 * sent with Access-Control-Allow-Origin: *, as deploy/ and GitHub Pages send them), a finder is built from their
 * feeds and served on an origin of its own. A phrase that is only inside one of partnership B's PDFs finds that
 * review, linked to B's own page; once B has taken the review down (its feed no longer lists it) the rebuilt
 * finder never finds it, even from B's search index still holding its words (a stale copy), nor a review whose
 * leaving day has come.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromeLaunchConfig } from "../../src/checks/chromium.ts";
import { serveStatic, type StaticServer } from "../../src/checks/static-server.ts";
import type { ReviewFeed } from "../../src/model/review-feed.ts";
import { axeViolations, buildFixture, FIXTURE_BUILD_DATE } from "../helpers/browser.ts";
import { PHRASES_INSIDE } from "../helpers/documents.ts";
import { finderProject } from "../helpers/finder.ts";
import { buildPartnershipB, PHRASES_INSIDE_B } from "../helpers/partnership-b.ts";
import { temporaryFolder } from "../helpers/temporary.ts";

const A = { id: "northshire", name: "Northshire and Southvale Safeguarding Children Partnership", site: "https://reviews.example.org" };
const B = { id: "ehw", name: "Eastmere, Holt and Wold Children's Safeguarding Partnership", site: "https://learning.ehw-safeguarding.example.net" };
const INSIDE_B = PHRASES_INSIDE_B["child-rowan/overview-report.pdf"]!;
const ROWAN = `${B.site}/reviews/child-rowan/`;

let servers: StaticServer[] = [];
let browser: Browser;
let siteA: string;
let siteB: string;

const serveIndex = (dir: string) => serveStatic(dir, "/", { searchIndexForOtherSites: true });

/** A finder built from feeds at these two servers, served on an origin of its own. */
async function finderOf(a: StaticServer, b: StaticServer): Promise<StaticServer> {
  const project = finderProject([
    { ...A, feed: `${a.url}/reviews.json` },
    { ...B, feed: `${b.url}/reviews.json` },
  ]);
  const built = await project.run("build", [], { BUILD_DATE: FIXTURE_BUILD_DATE });
  if (built.code !== 0) throw new Error(built.stderr);
  const server = await serveStatic(path.join(project.root, "_site"));
  servers.push(server);
  return server;
}

async function search(finder: StaticServer, query: string, filters: Record<string, string> = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`${finder.url}/?${new URLSearchParams({ q: query, ...filters })}`);
  await expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 20_000 }).toContain(`“${query}”`);
  return { page, errors };
}
const titleLinks = (page: Page) => page.locator("#finder-results .review-title > a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));

beforeAll(async () => {
  [siteA, siteB] = await Promise.all([buildFixture(), buildPartnershipB()]);
  servers = await Promise.all([serveIndex(siteA), serveIndex(siteB)]);
  browser = await chromium.launch(chromeLaunchConfig());
}, 600_000);
afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
});

describe("a finder's search inside its partnerships' reports, in Chromium", () => {
  it("finds a review by a phrase only inside another partnership's PDF, linked to that partnership's own page and its document", async () => {
    const finder = await finderOf(servers[0]!, servers[1]!);
    const { page, errors } = await search(finder, INSIDE_B);
    await expect.poll(() => titleLinks(page), { timeout: 20_000 }).toEqual([ROWAN]);
    const documents = page.locator("#finder-results .result-documents a");
    expect(await documents.first().getAttribute("href")).toMatch(new RegExp(`^${ROWAN.replaceAll(".", "\\.")}#document-\\d+$`));
    expect(await page.locator("#finder-results .result-documents mark").first().textContent()).toBeTruthy();
    expect(await page.locator("#finder-source-notice").isHidden()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    // The same for the other partnership's report, and never a review whose leaving day has come (its words are in no index).
    const { page: pageA } = await search(finder, PHRASES_INSIDE["child-amber/overview-report.pdf"]!);
    await expect.poll(() => titleLinks(pageA), { timeout: 20_000 }).toEqual([`${A.site}/reviews/child-amber/`]);
  }, 300_000);

  it("holds a match only inside a report to the area within a partnership the visitor chose", async () => {
    const finder = await finderOf(servers[0]!, servers[1]!);
    // Child Rowan is in B's area Eastmere; Holt is another of B's areas.
    const { page } = await search(finder, INSIDE_B, { place: `${B.id}/eastmere` });
    await expect.poll(() => titleLinks(page), { timeout: 20_000 }).toEqual([ROWAN]);
    const { page: elsewhere } = await search(finder, INSIDE_B, { place: `${B.id}/holt` });
    await expect.poll(() => elsewhere.locator("#finder-count").textContent(), { timeout: 20_000 }).toMatch(/^No reviews match/);
    expect(await titleLinks(elsewhere)).toEqual([]);
  }, 300_000);

  it("no longer finds it once its partnership has taken it down, even from that partnership's stale search index", async () => {
    // B's next build, as a stale host might serve it: its feed without Child Rowan, its old search index still holding Rowan's words.
    const stale = temporaryFolder("lr-b-stale-");
    cpSync(siteB, stale, { recursive: true, dereference: true });
    const feed = JSON.parse(readFileSync(path.join(siteB, "reviews.json"), "utf8")) as ReviewFeed;
    writeFileSync(path.join(stale, "reviews.json"), JSON.stringify({ ...feed, reviews: feed.reviews.filter((r) => r.id !== "child-rowan") }));
    const staleB = await serveIndex(stale);
    servers.push(staleB);
    const finder = await finderOf(servers[0]!, staleB);
    const { page } = await search(finder, INSIDE_B);
    await expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 20_000 }).toMatch(/^No reviews|0 reviews/);
    expect(await titleLinks(page)).toEqual([]);
    // Its other reviews are still found inside their reports' partnership: the search itself still works.
    const { page: other } = await search(finder, PHRASES_INSIDE["child-amber/overview-report.pdf"]!);
    await expect.poll(() => titleLinks(other), { timeout: 20_000 }).toEqual([`${A.site}/reviews/child-amber/`]);
  }, 300_000);

  it("says which partnership's reports could not be searched, and still answers from the others", async () => {
    const down = await serveIndex(siteB);
    const finder = await finderOf(servers[0]!, down);
    await down.close();
    const { page } = await search(finder, PHRASES_INSIDE["child-amber/overview-report.pdf"]!);
    await expect.poll(() => titleLinks(page), { timeout: 30_000 }).toEqual([`${A.site}/reviews/child-amber/`]);
    await expect.poll(() => page.locator("#finder-source-notice").textContent(), { timeout: 30_000 }).toContain(B.name);
    expect(await page.locator("#finder-source-notice").isVisible()).toBe(true);
  }, 300_000);
});
