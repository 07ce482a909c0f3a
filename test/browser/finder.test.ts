import { statSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFixtureSite, SCREENSHOTS, type BrowserSite } from "../helpers/browser.ts";

/** One phone screen: the height a visitor sees before scrolling, as the issue measures it. */
const FIRST_SCREEN = 740;

let site: BrowserSite;
beforeAll(async () => {
  site = await openFixtureSite();
});
afterAll(async () => {
  await site?.close();
});

async function openFinder(width: number, options: { javaScriptEnabled?: boolean; colorScheme?: "light" | "dark" } = {}): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width, height: FIRST_SCREEN }, ...options });
  const page = await context.newPage();
  await page.goto(`${site.server.url}/`);
  return page;
}

/** The bottom edge of the first review's link, in CSS pixels from the top of the page. */
const firstReviewBottom = (page: Page) =>
  page
    .locator(".review-list .review-title a")
    .first()
    .evaluate((link) => {
      const box = link.getBoundingClientRect();
      return box.bottom + window.scrollY;
    });

describe("the finder at /", () => {
  for (const width of [320, 360]) {
    for (const javaScriptEnabled of [true, false]) {
      it(`shows the first review's link within the first screen at ${width} px, JavaScript ${javaScriptEnabled ? "on" : "off"}`, async () => {
        const page = await openFinder(width, { javaScriptEnabled });
        if (javaScriptEnabled) await page.locator("#finder-search").waitFor({ state: "visible" });
        const bottom = await firstReviewBottom(page);
        console.log(`first review link bottom at ${width} px, JavaScript ${javaScriptEnabled ? "on" : "off"}: ${Math.round(bottom)} px`);
        expect(bottom).toBeLessThanOrEqual(FIRST_SCREEN);
        await page.context().close();
      });
    }
  }

  it("saves screenshots of the finder at 320 and 360 px in both colour schemes", async () => {
    for (const width of [320, 360]) {
      for (const colorScheme of ["light", "dark"] as const) {
        const page = await openFinder(width, { colorScheme });
        await page.locator("#finder-search").waitFor({ state: "visible" });
        const file = `${SCREENSHOTS}/finder-${width}-${colorScheme}.png`;
        await page.screenshot({ path: file });
        expect(statSync(file).size).toBeGreaterThan(5000);
        await page.context().close();
      }
    }
  });
});

describe("motion", () => {
  it("animates nothing when the visitor asks for reduced motion, and only a link's underline otherwise", async () => {
    const moving = async (reducedMotion: "reduce" | "no-preference") => {
      const context = await site.browser.newContext({ viewport: { width: 360, height: FIRST_SCREEN }, reducedMotion });
      const page = await context.newPage();
      await page.goto(`${site.server.url}/`);
      const found = await page.evaluate(() =>
        [...document.querySelectorAll("*")]
          .filter((el) => {
            const style = getComputedStyle(el);
            const durations = `${style.animationDuration},${style.transitionDuration}`.split(",").map((d) => Number.parseFloat(d));
            return durations.some((d) => d > 0) || style.scrollBehavior === "smooth";
          })
          .map((el) => el.tagName.toLowerCase()),
      );
      await context.close();
      return new Set(found);
    };
    expect([...(await moving("reduce"))]).toEqual([]);
    expect([...(await moving("no-preference"))].sort()).toEqual(["a", "summary"]);
  });
});
