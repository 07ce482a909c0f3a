import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, openFixtureSite, type BrowserSite } from "../helpers/browser.ts";
import { PHRASES_INSIDE } from "../helpers/documents.ts";

let site: BrowserSite;
let listedIds: string[];
beforeAll(async () => {
  // The fixture partnership (test/fixtures/reviews.json) at 26 November 2026: Child Hazel and Baby Ivy are SCRs past their 12 months.
  site = await openFixtureSite();
  listedIds = ((await (await fetch(`${site.server.url}/reviews.json`)).json()) as { reviews: { id: string }[] }).reviews.map((r) => r.id).sort();
});
afterAll(async () => {
  await site?.close();
});

async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await site.browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  await page.goto(site.server.url + path);
  return page;
}

const visibleReviews = (page: Page) =>
  page.locator(".review-item:visible .review-title > a:first-child").evaluateAll((links) => links.map((a) => a.getAttribute("href")!.split("/")[2]!));

/** The review ids of the finder's results, in order. */
const resultIds = (page: Page) =>
  page.locator("#finder-results .review-title > a:first-child").evaluateAll((links) => links.map((a) => a.getAttribute("href")!.split("/")[2]!));
/** Waits for the finder to have answered a query (its count names it), then gives the count. */
const answered = async (page: Page, query: string) => {
  await expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 15_000 }).toContain(`containing “${query}”`);
  return (await page.locator("#finder-count").textContent())!;
};

describe("the one search on /", () => {
  it("finds the listed reviews on a theme, and none that have been removed", async () => {
    const page = await open("/");
    await page.getByLabel("Search the reviews").fill("neglect");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    expect(await answered(page, "neglect")).toMatch(/^\d+ reviews match/);
    const found = await resultIds(page);
    // Every listed review with the theme neglect...
    expect(found).toEqual(expect.arrayContaining(["siblings-dale", "child-fern", "family-gale"]));
    // ...and only listed reviews: child-hazel (an SCR about neglect, removed the day before) is not there.
    for (const id of found) expect(listedIds).toContain(id);
    expect(found).not.toContain("child-hazel");
    // The search can be shared: the query is in the address.
    expect(new URL(page.url()).searchParams.get("q")).toBe("neglect");
    const shared = await open(`/?q=sleep`);
    await answered(shared, "sleep");
    const titles = await shared.locator("#finder-results .review-title > a:first-child").allTextContents();
    expect(titles).toContain("Baby Birch");
    expect(titles).not.toEqual(expect.arrayContaining(["Child Hazel"]));
    expect(titles).not.toEqual(expect.arrayContaining(["Baby Ivy"]));
    expect(await axeViolations(shared)).toEqual([]);
  });

  it("finds a review by a phrase only inside its PDF, saying which document matched, and never by one inside a removed SCR's report", async () => {
    const phrase = PHRASES_INSIDE["child-amber/overview-report.pdf"]!;
    const page = await open(`/?q=${encodeURIComponent(phrase)}`);
    await answered(page, phrase);
    expect(await resultIds(page)).toEqual(["child-amber"]);
    const document = page.locator("#finder-results .result-documents a");
    expect(await document.count()).toBe(1);
    expect(await document.first().textContent()).toMatch(/^Overview report \(PDF, \d+ KB, 1 page\)$/);
    expect(await document.first().getAttribute("href")).toBe("/reviews/child-amber/#document-1");
    await document.first().click();
    await page.waitForURL("**/reviews/child-amber/#document-1");
    expect(await page.locator("#document-1 a").first().textContent()).toMatch(/^Overview report \(PDF/);

    // A phrase inside an HTML version: the document links to the HTML page itself.
    const html = await open(`/?q=${encodeURIComponent("held part of the picture")}`);
    await answered(html, "held part of the picture");
    expect(await resultIds(html)).toEqual(["child-fern"]);
    const version = html.locator("#finder-results .result-documents a", { hasText: "(HTML)" });
    expect(await version.getAttribute("href")).toBe("/reviews/child-fern/overview-report/");

    // Only the words that are in no listed review's text: Pagefind would match the others ("agreement") elsewhere.
    const removedWords = PHRASES_INSIDE["child-hazel/overview-report.pdf"]!.split(" ").slice(0, 2).join(" ");
    const removed = await open(`/?q=${encodeURIComponent(removedWords)}`);
    expect(await answered(removed, removedWords)).toMatch(/^No reviews match/);
    expect(await resultIds(removed)).toEqual([]);
  });

  it("orders a query by best match, newest first without one, and lets the visitor choose another order", async () => {
    const plain = await open("/");
    await plain.getByLabel("Sort by").waitFor({ state: "attached" });
    expect(await plain.getByLabel("Sort by").locator("option").allTextContents()).not.toContain("Best match");
    const page = await open("/?q=child");
    await answered(page, "child");
    expect(await page.getByLabel("Sort by").inputValue()).toBe("relevance");
    await page.locator("#finder-filters summary").waitFor({ state: "visible" });
    await page.getByLabel("Sort by").selectOption("newest");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 15_000 }).toMatch(/newest first\.$/);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: "child", sort: "newest" });
    // In the order of the plain list, which is newest first.
    const newest = await resultIds(page);
    const order = await resultIds(plain);
    expect(newest.length).toBeGreaterThan(1);
    expect(newest).toEqual(order.filter((id) => newest.includes(id)));
  });

  it("shows Pagefind's excerpts as text and <mark> only, whatever markup or entities they hold", async () => {
    const page = await open("/");
    await page.getByLabel("Search the reviews").waitFor({ state: "visible" });
    const made = await page.evaluate(() => {
      const { excerptNodes } = (window as unknown as { finderResults: { excerptNodes: (html: string) => Node[] } }).finderResults;
      const p = document.createElement("p");
      p.append(
        ...excerptNodes(
          'The <mark>panel</mark> &lt;img src=x onerror=alert(1)&gt; <img src=x onerror="alert(2)"><b>met</b> &amp; <mark>agreed &quot;it&quot;</mark>',
        ),
      );
      return { elements: [...p.querySelectorAll("*")].map((el) => el.tagName.toLowerCase()), text: p.textContent };
    });
    expect(made.elements).toEqual(["mark", "mark"]);
    expect(made.text).toBe('The panel <img src=x onerror=alert(1)> met & agreed "it"');
  });

  it("says when JavaScript is needed, and offers the filter pages instead", async () => {
    const page = await open("/", { javaScriptEnabled: false });
    const needs = page.getByText("Searching the reviews and the text of their reports needs JavaScript");
    expect(await needs.isVisible()).toBe(true);
    expect(await page.getByLabel("Search the reviews").isVisible()).toBe(false);
    const enabled = await open("/?q=neglect");
    await answered(enabled, "neglect");
    expect(await enabled.getByText("Searching the reviews and the text of their reports needs JavaScript").isVisible()).toBe(false);
    await page.locator("#finder-filters summary").click();
    expect(await page.getByRole("link", { name: "All the ways to browse" }).getAttribute("href")).toBe("/reviews/");
  });
});

describe("the finder's filters", () => {
  it("combine with each other and with a search, through Pagefind, and their state round-trips through the address", async () => {
    const page = await open("/");
    const all = await visibleReviews(page);
    expect(all.sort()).toEqual(listedIds);
    await page.getByLabel("By type").selectOption("cspr");
    await page.getByLabel("By area").selectOption("northshire");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect
      .poll(() => page.locator("#finder-count").textContent(), { timeout: 15_000 })
      .toMatch(/^3 reviews match: Child Safeguarding Practice Reviews, in /);
    expect(await visibleReviews(page)).toEqual(["child-amber", "child-elm", "child-fern"]);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ type: "cspr", area: "northshire" });

    const shared = await open(url.pathname + url.search);
    expect(await shared.getByLabel("By type").inputValue()).toBe("cspr");
    expect(await shared.getByLabel("By area").inputValue()).toBe("northshire");
    await expect.poll(() => visibleReviews(shared), { timeout: 15_000 }).toEqual(["child-amber", "child-elm", "child-fern"]);

    await shared.getByLabel("Search the reviews").fill("neglect");
    await shared.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => visibleReviews(shared), { timeout: 15_000 }).toEqual(["child-fern"]);
    expect(await shared.locator("#finder-count").textContent()).toMatch(/^1 review matches: .*containing “neglect”\./);
    expect(new URL(shared.url()).searchParams.get("q")).toBe("neglect");
    await shared.getByRole("link", { name: "Clear filters and search" }).click();
    await expect.poll(() => visibleReviews(shared), { timeout: 15_000 }).toHaveLength(listedIds.length);
    expect(new URL(shared.url()).search).toBe("");
    expect(await axeViolations(shared)).toEqual([]);
  });

  it("with JavaScript off, say how to combine, and the filter pages lead to every listed review", async () => {
    const page = await open("/reviews/", { javaScriptEnabled: false });
    const reached = new Set<string>();
    const typePages = await page.locator("#type ~ ul a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    expect(typePages).toEqual(["/reviews/type/cspr/", "/reviews/type/scr/"]);
    for (const href of typePages) {
      await page.goto(site.server.url + href);
      for (const id of await visibleReviews(page)) reached.add(id);
    }
    expect([...reached].sort()).toEqual(listedIds);
    const home = await open("/", { javaScriptEnabled: false });
    expect(await home.getByLabel("By type").isVisible()).toBe(false);
    await home.locator("#finder-filters summary").click();
    expect(await home.locator("#finder-filters").textContent()).toContain("combining filters with each other or with a search, need JavaScript");
    expect(
      await home
        .locator("#finder-filters")
        .getByRole("link", { name: /^Child Safeguarding Practice Reviews \(\d+\)$/ })
        .getAttribute("href"),
    ).toBe("/reviews/type/cspr/");
    // Every area page together also covers the list.
    const areas = new Set<string>();
    await page.goto(`${site.server.url}/reviews/`);
    for (const href of await page.locator("#area ~ ul a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!))) {
      await page.goto(site.server.url + href);
      for (const id of await visibleReviews(page)) areas.add(id);
    }
    expect([...areas].sort()).toEqual(listedIds);
  });
});
