/**
 * Where things sit on a phone: the content notice's heading is on the first
 * screen and the notice takes at most two thirds of a screen, and a review's first document link is within the
 * first two screens, no more than one screen below where the finder at `/`
 * shows its first review.
 *
 * The bound: two screens means one scroll at most to reach the report. The
 * finder puts its first review at about the first screen's bottom edge (its
 * filters come first); a review page must first say what the report describes
 * and where to find support, so its documents may sit one screen further, and
 * no more. Before the documents moved up they were 3.3 screens down.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBuiltSite, openFixtureSite, type BrowserSite } from "../helpers/browser.ts";
import { buildPartnershipB, PARTNERSHIP_B } from "../helpers/partnership-b.ts";
import { FIXTURES, fixtureReviews } from "../helpers/site.ts";

/** Small phones: 320 × 568 (the smallest iPhone still met) and 360 × 640 (a common Android size). */
const PHONES = [
  { width: 320, height: 568 },
  { width: 360, height: 640 },
] as const;

let site: BrowserSite;
let siteB: BrowserSite;
beforeAll(async () => {
  [site, siteB] = await Promise.all([openFixtureSite(), buildPartnershipB().then(openBuiltSite)]);
}, 240_000);
afterAll(async () => {
  await site?.close();
  await siteB?.close();
});

/** An element's top and bottom edges from the top of the page, in CSS pixels; null when there is none. */
async function box(page: Page, selector: string): Promise<{ top: number; bottom: number } | null> {
  const handle = await page.$(selector);
  if (!handle) return null;
  const rect = await handle.boundingBox();
  const scrolled = await page.evaluate("window.scrollY");
  return rect ? { top: rect.y + (scrolled as number), bottom: rect.y + rect.height + (scrolled as number) } : null;
}

async function openOn(path: string, viewport: (typeof PHONES)[number], built: BrowserSite): Promise<Page> {
  const context = await built.browser.newContext({ viewport });
  const page = await context.newPage();
  const response = await page.goto(built.server.url + path);
  expect(response?.status(), path).toBe(200);
  return page;
}

/**
 * The notice's heading is whole on the first screen (below the site's header, the page's heading
 * and its line), and the notice does not fill a screen: at least a third of it is left for the page.
 */
async function expectCompactNotice(page: Page, label: string, screen: number) {
  const notice = await box(page, ".content-notice");
  expect(notice, `${label}: no content notice`).not.toBeNull();
  const heading = await box(page, ".content-notice h2");
  expect(heading!.bottom, `${label}: the notice's heading is not on the first screen`).toBeLessThanOrEqual(screen);
  expect(notice!.bottom - notice!.top, `${label}: the notice fills the first screen`).toBeLessThanOrEqual((2 * screen) / 3);
}

describe.each(PHONES)("a review page on a phone $width × $height", (viewport) => {
  const screen = viewport.height;

  it.each([
    // The fixture partnership, and partnership B (other areas, longer names, footnote codes of its own).
    ["the fixture partnership", () => site, FIXTURES, 5],
    ["partnership B", () => siteB, PARTNERSHIP_B, 3],
  ] as const)(
    "shows the notice compact on the first screen, and the first document within two screens, one below the finder's first review, %s",
    async (_, built, dir, atLeast) => {
      const open = (path: string, at: (typeof PHONES)[number]) => openOn(path, at, built());
      const finder = await open("/", viewport);
      const firstReview = await box(finder, "#finder-results .review-title a");
      expect(firstReview).not.toBeNull();
      // Every review the finder lists (the fixture's fit one page) that has documents.
      const listed = await finder.$$eval("#finder-results .review-title a", (links) => links.map((link) => link.getAttribute("href")));
      const withDocuments = new Set(
        fixtureReviews(dir).flatMap((review) => (((review.documents ?? []) as unknown[]).length ? [`/reviews/${review.id}/`] : [])),
      );
      let measured = 0;
      for (const address of listed.filter((href) => withDocuments.has(href!))) {
        const review = { id: address!.split("/")[2] };
        const page = (await open(address!, viewport))!;
        await expectCompactNotice(page, String(review.id), screen);
        const link = await box(page, "ul.documents a");
        expect(link, `${review.id}: no document link`).not.toBeNull();
        expect(link!.bottom, `${review.id}: first document at ${link!.top}px`).toBeLessThanOrEqual(2 * screen);
        expect(
          link!.top - firstReview!.top,
          `${review.id}: first document at ${link!.top}px, the finder's first review at ${firstReview!.top}px`,
        ).toBeLessThanOrEqual(screen);
        measured++;
        await page.context().close();
      }
      expect(measured).toBeGreaterThanOrEqual(atLeast);
    },
  );

  it("shows the same compact notice on the first screen of an HTML version, above the report's contents", async () => {
    const page = await openOn("/reviews/child-fern/overview-report/", viewport, site);
    await expectCompactNotice(page, "HTML version", screen);
    const contents = await box(page, "nav.contents");
    const notice = await box(page, ".content-notice");
    expect(notice!.bottom).toBeLessThanOrEqual(contents!.top);
  });
});
