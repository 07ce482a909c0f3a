/**
 * A finder's search inside the reports of every source (pages/assets/source-search.js), in Chromium: the two fixture
 * partnerships built and served each on an origin of its own (their search index sent with
 * Access-Control-Allow-Origin: *, as deploy/ has hosts send it), a hand-made hostile source, and a finder on a third
 * origin whose page loads its own small Pagefind bundle (one record per listed review, as a finder's) and the module,
 * under a policy like the site's: Trusted Types required, connect-src naming the sources' origins, script-src none.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import * as pagefind from "pagefind";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { chromeLaunchConfig } from "../../src/checks/chromium.ts";
import { serveStatic, type StaticServer } from "../../src/checks/static-server.ts";
import { contentSecurityPolicy, finderConnectOrigins } from "../../src/eleventy/csp.ts";
import { buildFixture } from "../helpers/browser.ts";
import { buildPartnershipB } from "../helpers/partnership-b.ts";
import { PROJECT_ROOT } from "../helpers/site.ts";
import { temporaryFolder } from "../helpers/temporary.ts";

interface Source {
  id: string;
  name: string;
  bundle: string;
  site: string;
}
interface Found {
  matches: { key: string; source: string; url: string; excerpt: string; documents: { title: string; url: string; excerpt: string }[] }[];
  skipped: { id: string; name: string; message: string }[];
  incomplete: string | null;
}

let browser: Browser;
const servers: Record<string, StaticServer> = {};
let finder: StaticServer;
let sources: Source[];
const HAZEL = () => `${servers.a!.url}/reviews/child-hazel/`;
/** Every listed review of every source: its page address to its key, as the finder's list today. */
const listed: Record<string, string> = {};

/** Pagefind's bundle of `records` written into `dir/pagefind/`, with the node API. */
async function writeBundle(dir: string, records: { url: string; content: string; title: string }[]): Promise<void> {
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error("Pagefind could not start");
  for (const record of records) await index.addCustomRecord({ url: record.url, content: record.content, language: "en-gb", meta: { title: record.title } });
  await index.writeFiles({ outputPath: path.join(dir, "pagefind") });
  await pagefind.close();
}

/** The listed reviews of a built site (its feed), at the address it is served from. */
function listedOf(siteDir: string, server: StaticServer, id: string): { url: string; title: string; key: string }[] {
  const feed = JSON.parse(readFileSync(path.join(siteDir, "reviews.json"), "utf8")) as { reviews: { id: string; title: string }[] };
  return feed.reviews.map((review) => ({ url: `${server.url}/reviews/${review.id}/`, title: review.title, key: `${id}/${review.id}` }));
}

beforeAll(async () => {
  // Partnership A as its last good nightly left it, two days ago: its feed and index still hold Child Hazel, an SCR
  // that left on 25 November 2026.
  const a = await buildFixture("2026-11-24");
  const b = await buildPartnershipB();
  servers.a = await serveStatic(a, "/", { searchIndexForOtherSites: true });
  servers.b = await serveStatic(b, "/", { searchIndexForOtherSites: true });
  // A source whose bundle claims another source's review (by its absolute address) and pages of its own site it does not list.
  const mallory = temporaryFolder("lr-mallory-");
  servers.mallory = await serveStatic(mallory, "/", { searchIndexForOtherSites: true });
  const rowan = `${servers.b.url}/reviews/child-rowan/`;
  await writeBundle(mallory, [
    { url: rowan, content: "Zebracorn counterfeit words put under another partnership's review.", title: "Claimed" },
    { url: "/reviews/not-listed/", content: "Zebracorn words of a review the finder does not list.", title: "Unlisted" },
    { url: "/reviews/../../reviews/child-rowan/", content: "Zebracorn words climbing out of the site.", title: "Climbing" },
    { url: "/reviews/real/", content: "Zebracorn words of the one review it lists.", title: "Real" },
  ]);
  const reviews = [...listedOf(a, servers.a, "partnership-a"), ...listedOf(b, servers.b, "partnership-b")];
  reviews.push({ url: `${servers.mallory.url}/reviews/real/`, title: "Real", key: "mallory/real" });
  for (const review of reviews) listed[review.url] = review.key;
  // The finder applies each SCR's leaving date by its own date (26 November): Child Hazel is not on its list today.
  expect(listed[HAZEL()]).toBe("partnership-a/child-hazel");
  delete listed[HAZEL()];
  const names = { a: "Northshire and Southvale", b: "Partnership B", mallory: "Mallory" } as const;
  sources = (["a", "b", "mallory"] as const).map((name) => ({
    id: name === "mallory" ? "mallory" : `partnership-${name}`,
    name: names[name],
    bundle: `${servers[name]!.url}/pagefind/`,
    site: `${servers[name]!.url}/`,
  }));

  // The finder: its own bundle (one record per listed review: its title), its page and the site's scripts, on a third origin.
  const site = temporaryFolder("lr-finder-");
  await writeBundle(
    site,
    reviews.map((review) => ({ url: review.url, content: review.title, title: review.title })),
  );
  mkdirSync(path.join(site, "assets"));
  for (const file of ["trusted-types.js", "finder-results.js", "source-search.js"])
    copyFileSync(path.join(PROJECT_ROOT, "pages", "assets", file), path.join(site, "assets", file));
  writeFileSync(path.join(site, "assets", "test-page.js"), TEST_PAGE_SCRIPT);
  // Chromium asks every origin for /favicon.ico: a 404 would be a console error.
  copyFileSync(path.join(PROJECT_ROOT, "pages", "icons", "favicon.ico"), path.join(site, "favicon.ico"));
  // The finder's page, under the policy a finder's pages carry; and the same page under a partnership's policy, which names no source.
  const page = (policy: string) =>
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy.replaceAll("'", "&#39;")}">` +
    `<title>Finder</title><script src="/assets/trusted-types.js"></script><script src="/assets/finder-results.js"></script>` +
    `<script type="module" src="/assets/test-page.js"></script></head><body><main><h1>Finder</h1><ul id="skipped"></ul><ol id="matches"></ol></main></body></html>`;
  writeFileSync(
    path.join(site, "index.html"),
    page(contentSecurityPolicy(finderConnectOrigins(sources.map((source) => ({ feed: `${source.site}reviews.json` }))))),
  );
  writeFileSync(path.join(site, "self-only.html"), page(contentSecurityPolicy()));
  finder = await serveStatic(site);
  browser = await chromium.launch(chromeLaunchConfig());
});

afterAll(async () => {
  await browser?.close();
  for (const server of [finder, ...Object.values(servers)]) await server?.close();
});

/** The finder page's own script: the module called as the finder calls it, its answer shown with the DOM (excerpts as nodes). */
const TEST_PAGE_SCRIPT = `import { searchSources } from "./source-search.js";
const pagefind = await import("../pagefind/pagefind.js");
window.searchReports = async (query, sources, listed, options) => {
  const found = await searchSources(pagefind, query, sources, new Map(Object.entries(listed)), options);
  document.getElementById("matches").replaceChildren(...found.matches.map((match) => {
    const item = document.createElement("li");
    const link = Object.assign(document.createElement("a"), { href: match.url, textContent: match.key });
    const excerpt = document.createElement("p");
    excerpt.append(...window.finderResults.excerptNodes(match.excerpt));
    item.append(link, excerpt);
    return item;
  }));
  document.getElementById("skipped").replaceChildren(...found.skipped.map((s) => Object.assign(document.createElement("li"), { textContent: s.message })));
  return found;
};
document.body.dataset.ready = "yes";
`;

interface Opened {
  page: Page;
  problems: string[];
  loaded: string[];
}

/** The finder's page, with every console error, script error and policy violation it gives, and every address it loads. */
async function openFinder(address = "/"): Promise<Opened> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  const loaded: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /Content[- ]Security[- ]Policy|Trusted ?Type|Refused to|violates/i.test(message.text()))
      problems.push(`${message.text()} ${message.location().url}`);
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("worker", (worker) => worker.on("console", (message) => message.type() === "error" && problems.push(`worker: ${message.text()}`)));
  context.on("request", (request) => loaded.push(`${request.resourceType()} ${request.url()}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${finder.url}${address}`);
  await page.locator("body[data-ready=yes]").waitFor({ timeout: 15_000 });
  return { page, problems, loaded };
}

const search = (page: Page, query: string, listedToday: Record<string, string> = listed, among: Source[] = sources, options = {}) =>
  page.evaluate(([q, s, l, o]) => (window as unknown as { searchReports: (...args: unknown[]) => Promise<Found> }).searchReports(q, s, l, o), [
    query,
    among,
    listedToday,
    options,
  ] as const) as Promise<Found>;

describe("the finder's search inside every source's reports", () => {
  it("finds a review by a phrase only inside partnership B's PDF, linked to B's own page, its excerpt shown with marks", async () => {
    const { page, problems, loaded } = await openFinder();
    const found = await search(page, "lantern welfare huddle");
    expect(found.skipped).toEqual([]);
    expect(found.matches.map((match) => [match.key, match.url])).toEqual([["partnership-b/child-rowan", `${servers.b!.url}/reviews/child-rowan/`]]);
    expect(found.matches[0]!.documents.map((doc) => doc.url)).toEqual([`${servers.b!.url}/reviews/child-rowan/#document-1`]);
    expect(await page.locator("#matches a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual([
      `${servers.b!.url}/reviews/child-rowan/`,
    ]);
    expect(await page.locator("#matches mark").allTextContents()).toEqual(expect.arrayContaining(["lantern", "welfare", "huddle"]));
    // And partnership A's own phrase, from the same page: each source answers for its own reports.
    expect((await search(page, "marigold escalation pathway")).matches.map((match) => match.key)).toEqual(["partnership-a/child-amber"]);
    expect(problems).toEqual([]);
    // Only the finder's own scripts ran; from the sources came data alone (no script, worker or WebAssembly of theirs).
    const fromSources = loaded.filter((line) => Object.values(servers).some((server) => line.includes(server.url)));
    expect(fromSources.length).toBeGreaterThan(0);
    expect(
      fromSources.filter(
        (line) => !/\/pagefind\/(pagefind-entry\.json\?ts=\d+|pagefind\.[\w-]+\.pf_meta|(index|fragment|filter)\/[\w-]+\.pf_\w+)$/.test(line.split(" ")[1]!),
      ),
    ).toEqual([]);
    expect(loaded.filter((line) => /^script |\.js$/.test(line)).every((line) => line.includes(finder.url))).toBe(true);
    await page.context().close();
  });

  it("does not return a review the finder no longer lists, though its source's index still holds it (a stale index)", async () => {
    const { page, problems } = await openFinder();
    // Listed as the source's stale feed still lists it: found, so the phrase is in the source's index.
    const stale = { ...listed, [HAZEL()]: "partnership-a/child-hazel" };
    expect((await search(page, '"copper kettle agreement"', stale)).matches.map((match) => match.key)).toEqual(["partnership-a/child-hazel"]);
    // The finder's list today: not found.
    const found = await search(page, '"copper kettle agreement"');
    expect(found.matches).toEqual([]);
    expect(await page.locator("#matches li").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("keeps only a source's own listed reviews: never an address its index gives on another source's site, or one not listed", async () => {
    const { page, problems } = await openFinder();
    const found = await search(page, "zebracorn");
    expect(found.matches.map((match) => [match.key, match.url, match.source])).toEqual([["mallory/real", `${servers.mallory!.url}/reviews/real/`, "mallory"]]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("reads the sources on the page's own thread (Pagefind's fallback without its worker) because connect-src names their origins", async () => {
    const { page, problems } = await openFinder();
    const found = await search(page, "lantern welfare huddle", listed, sources, { noWorker: true });
    expect(found.matches.map((match) => match.key)).toEqual(["partnership-b/child-rowan"]);
    expect(found.skipped).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
    // Under a partnership's own policy (connect-src 'self'), the same reads are refused: every source is skipped.
    const strict = await openFinder("/self-only");
    const refused = await search(strict.page, "lantern welfare huddle", listed, sources, { noWorker: true, timeoutMs: 3000 });
    expect(refused.matches).toEqual([]);
    expect(refused.skipped.map((s) => s.id)).toEqual(["partnership-a", "partnership-b", "mallory"]);
    expect(strict.problems.some((text) => /CSP violation: connect-src/.test(text))).toBe(true);
    await strict.page.context().close();
  });

  it("skips a source whose server never answers, once its time is up, while the others still find their phrases", async () => {
    const { page, problems } = await openFinder();
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => {
      silent.closeAllConnections();
      return new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const at = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    const among = [...sources, { id: "slowshire", name: "Slowshire", bundle: `${at}pagefind/`, site: at }];
    const found = await search(page, "lantern welfare huddle", listed, among, { timeoutMs: 1500 });
    expect(found.matches.map((match) => match.key)).toEqual(["partnership-b/child-rowan"]);
    expect(found.skipped.map((s) => s.message)).toEqual(["The reports of Slowshire could not be searched just now."]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("skips a source whose server has stopped, saying so, while the other still finds its phrase", async () => {
    const { page, problems } = await openFinder();
    await servers.a!.close();
    const found = await search(page, "lantern welfare huddle");
    expect(found.matches.map((match) => match.key)).toEqual(["partnership-b/child-rowan"]);
    expect(found.skipped).toEqual([
      { id: "partnership-a", name: "Northshire and Southvale", message: "The reports of Northshire and Southvale could not be searched just now." },
    ]);
    expect(await page.locator("#skipped li").allTextContents()).toEqual(["The reports of Northshire and Southvale could not be searched just now."]);
    // The only errors are the refused loads of the stopped source (and Pagefind saying so): no policy violation, no script error.
    expect(problems.filter((text) => !/ERR_CONNECTION_REFUSED|Failed to load Pagefind metadata|Failed to fetch/.test(text))).toEqual([]);
    await page.context().close();
  });
});
