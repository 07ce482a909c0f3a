import type { Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBuiltSite, openFixtureSite, type BrowserSite } from "../helpers/browser.ts";
import { buildPartnershipB } from "../helpers/partnership-b.ts";

/**
 * No 404 and no console error on any kind of page (issue 21, point 4): a page of every kind, its icons
 * (the favicon Chromium asks for among them) answered 200 with an image that draws; for both fixture partnerships.
 */
const NOT_FOUND = "/no-such-page/";
type Pages = [kind: string, address: string][];
const PAGES: Pages = [
  ["home", "/"],
  ["filter page", "/reviews/type/cspr/"],
  ["browse page", "/reviews/"],
  ["review", "/reviews/child-amber/"],
  ["removal notice", "/reviews/baby-ivy/"],
  ["HTML version", "/reviews/child-fern/overview-report/"],
  ["accessibility statement", "/accessibility/"],
  ["404 page", NOT_FOUND],
  ["search", "/search/?q=neglect"],
];
// Partnership B (its own areas and footnote codes; SCRs kept 24 months): every kind of page it has (it has no HTML versions).
const PAGES_B: Pages = [
  ["home", "/"],
  ["filter page", "/reviews/area/the-wold/"],
  ["review", "/reviews/child-rowan/"],
  ["withheld review", "/reviews/baby-sorrel/"],
  ["removal notice", "/reviews/family-yarrow/"],
  ["404 page", NOT_FOUND],
];

let site: BrowserSite;
let siteB: BrowserSite;
beforeAll(async () => {
  [site, siteB] = await Promise.all([openFixtureSite(), buildPartnershipB().then(openBuiltSite)]);
}, 240_000);
afterAll(async () => {
  await site?.close();
  await siteB?.close();
});

/** Open `address` and record every response of 400 or more but the page's own, every failed request and console error. */
async function visit(page: Page, base: string, address: string): Promise<{ main: Response | null; problems: string[]; iconResponse: Promise<Response> }> {
  const problems: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== "document") problems.push(`${response.status()} ${response.url()}`);
  });
  page.on("requestfailed", (request) => problems.push(`failed ${request.url()}: ${request.failure()?.errorText}`));
  page.on("console", (message) => {
    // The 404 page's own status is what it is for: Chromium logs it as an error on that page's address, and that one is expected.
    const ownStatus = message.location().url === page.url() && /status of 404/.test(message.text());
    if (message.type() === "error" && !(address === NOT_FOUND && ownStatus)) problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  const iconResponse = page.waitForResponse((response) => /\/favicon[^/]*$/.test(new URL(response.url()).pathname), { timeout: 15_000 });
  const main = await page.goto(`${base}${address}`);
  return { main, problems, iconResponse };
}

describe.each([
  ["the fixture partnership", () => site, PAGES],
  ["partnership B", () => siteB, PAGES_B],
] as const)("icons and a clean console on every kind of page, %s", (_, built, pages) => {
  for (const [kind, address] of pages) {
    it(`loads the ${kind} (${address}) with its favicon, no 404 and no console error`, async () => {
      const context = await built().browser.newContext();
      const page = await context.newPage();
      const { main, problems, iconResponse } = await visit(page, built().server.url, address);
      expect(main?.status()).toBe(kind === "404 page" ? 404 : 200);
      const icon = await iconResponse;
      expect(icon.status(), icon.url()).toBe(200);
      await page.waitForLoadState("load");
      // Every icon the page names draws as an image of the size it says.
      const drawn = await page.locator('link[rel~="icon"], link[rel="apple-touch-icon"]').evaluateAll((links) =>
        Promise.all(
          links.map(
            (link) =>
              new Promise<string>((resolve) => {
                const image = new Image();
                image.onload = () => resolve(`${link.getAttribute("href")} ${image.naturalWidth > 0 ? "drawn" : "empty"}`);
                image.onerror = () => resolve(`${link.getAttribute("href")} broken`);
                image.src = (link as HTMLLinkElement).href;
              }),
          ),
        ),
      );
      expect(drawn).toEqual(["/favicon.ico drawn", "/favicon.svg drawn", "/favicon-32.png drawn", "/favicon-16.png drawn", "/apple-touch-icon.png drawn"]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("answers /favicon.ico itself, for browsers that ask for it whatever the page says", async () => {
    const response = await fetch(`${built().server.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer()).subarray(0, 4)).toEqual(new Uint8Array([0, 0, 1, 0]));
  });
});
