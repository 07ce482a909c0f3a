import { statSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, openFixtureSite, SCREENSHOTS, type BrowserSite } from "../helpers/browser.ts";
import { fixtureSite } from "../helpers/site.ts";

/** The fixture partnership (test/fixtures/), built at 26 November 2026. */
const settings = fixtureSite() as { partnership: { shortName: string }; contact: { email: string }; support: { heading: string } };

let site: BrowserSite;
beforeAll(async () => {
  site = await openFixtureSite();
});
afterAll(async () => {
  await site?.close();
});

const FOCUS_YELLOW = "rgb(255, 221, 0)";

async function open(path: string, width = 1280, options: { javaScriptEnabled?: boolean; colorScheme?: "light" | "dark" } = {}): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width, height: 900 }, ...options });
  const page = await context.newPage();
  const response = await page.goto(site.server.url + path);
  expect(response?.status(), path).toBe(200);
  return page;
}

/** What has focus, and whether it is visibly marked (our focus style is a yellow background). */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName,
      id: el.id,
      text: el.textContent?.trim() ?? "",
      href: el.getAttribute("href"),
      background: style.backgroundColor,
      inViewport: box.bottom > 0 && box.top < window.innerHeight && box.width > 0 && box.height > 0,
    };
  });
}

async function tabTo(page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 60) {
  const path: Awaited<ReturnType<typeof focused>>[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    path.push(now);
    if (matches(now)) return path;
  }
  throw new Error(`Could not reach the element by Tab; focus went through: ${path.map((p) => p.text || p.href).join(" | ")}`);
}

// A published review with documents, a withheld one, a delayed one, a removed SCR's notice, and every other kind of page.
const PAGES = [
  "/",
  "/reviews/child-amber/",
  "/reviews/child-cedar/",
  "/reviews/siblings-dale/",
  "/reviews/child-hazel/",
  "/reviews/",
  "/reviews/theme/neglect/",
  "/reviews/area/northshire/",
  "/?q=neglect",
  "/open-data/",
  "/accessibility/",
  "/reviews/child-fern/overview-report/",
  "/404.html",
];

describe("keyboard only", () => {
  it("the first Tab reaches a visible skip link, which moves focus to the main content", async () => {
    const page = await open("/");
    await page.keyboard.press("Tab");
    const skip = await focused(page);
    expect(skip).toMatchObject({ text: "Skip to main content", href: "#main", inViewport: true, background: FOCUS_YELLOW });
    await page.keyboard.press("Enter");
    expect((await focused(page)).id).toBe("main");
    // The next Tab goes into the content, not back to the header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.querySelector("main")!.contains(document.activeElement))).toBe(true);
  });

  it("goes from the listing to a review page to a document link, with visible focus all the way", async () => {
    const page = await open("/");
    const toReview = await tabTo(page, (f) => f.href === "/reviews/child-amber/");
    for (const step of toReview) expect(step, `${step.text} should show focus`).toMatchObject({ background: FOCUS_YELLOW, inViewport: true });
    // Focus moves in reading order: the skip link first, the site name, then the page's own links.
    expect(toReview.slice(0, 2).map((f) => f.text)).toEqual(["Skip to main content", `${settings.partnership.shortName}: case reviews`]);
    await Promise.all([page.waitForURL("**/reviews/child-amber/"), page.keyboard.press("Enter")]);
    expect(await page.locator("h1").textContent()).toBe("Child Amber");
    const toDocument = await tabTo(page, (f) => f.href === "/reviews/child-amber/overview-report.pdf");
    const last = toDocument.at(-1)!;
    expect(last).toMatchObject({ background: FOCUS_YELLOW, inViewport: true });
    expect(last.text).toMatch(/^Overview report \(PDF, \d+ KB, 1 page\)$/);
    const pdf = await page.request.get(site.server.url + last.href!);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("a footnote mark follows the status it explains, is read as a pointer to its note, leads to it, and the note leads back", async () => {
    const page = await open("/");
    const marker = page.locator("#review-child-cedar").getByRole("link", { name: "see the note" });
    await expect(marker.textContent()).resolves.toBe("*see the note");
    expect(await marker.locator('[aria-hidden="true"]').textContent()).toBe("*");
    await marker.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/#footnote-withheld$/);
    expect(await page.locator("#footnote-withheld dd").textContent()).toContain("The partnership decided not to publish the overview report");
    const back = page.locator("#footnote-withheld").getByRole("link", { name: "Back to Child Cedar" });
    await back.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/#review-child-cedar$/);

    const review = await open("/reviews/siblings-dale/");
    await review.locator("#status").getByRole("link", { name: "see the note" }).click();
    await review.waitForURL(/#footnote-delayed$/);
    await review.locator("#footnote-delayed").getByRole("link", { name: "Back to the review's status" }).click();
    await review.waitForURL(/#status$/);
  });
});

describe("every kind of page", () => {
  // Both colour schemes: the dark one (prefers-color-scheme) has its own colours, so its contrast is checked too.
  for (const colorScheme of ["light", "dark"] as const) {
    for (const width of [320, 1280]) {
      it(`has no axe-core violations (WCAG 2.2 A and AA) at ${width} px in the ${colorScheme} colour scheme`, async () => {
        for (const path of PAGES) {
          const page = await open(path, width, { colorScheme });
          expect(await axeViolations(page), `${path} at ${width} px, ${colorScheme}`).toEqual([]);
          // The finder also with its filters open and a combined search shown, so their colours are checked too.
          if (path === "/") {
            await page.goto(`${site.server.url}/?type=cspr&q=neglect`);
            await page.locator("#finder-filters").evaluate((details) => details.setAttribute("open", ""));
            await expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 15_000 }).toMatch(/match/);
          }
          const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          expect(background, `${path} in the ${colorScheme} scheme`).toBe(colorScheme === "dark" ? "rgb(18, 19, 20)" : "rgb(255, 255, 255)");
          const violations = await axeViolations(page);
          expect(violations, `${path} at ${width} px, ${colorScheme}`).toEqual([]);
          await page.context().close();
        }
      });
    }
  }

  it("reflows at 320 px (the width of 1280 px at 400% zoom) with no sideways scrolling", async () => {
    for (const path of PAGES) {
      const page = await open(path, 320);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });

  it("has one h1, headings in order, landmarks, and lang en-GB", async () => {
    for (const path of PAGES) {
      const page = await open(path);
      const facts = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        h1: document.querySelectorAll("h1").length,
        levels: [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].map((h) => Number(h.tagName[1])),
        landmarks: ["header", "main", "footer"].map((tag) => document.querySelectorAll(tag).length),
      }));
      expect(facts.lang, path).toBe("en-GB");
      expect(facts.h1, path).toBe(1);
      expect(facts.levels[0], path).toBe(1);
      for (const [i, level] of facts.levels.entries()) if (i > 0) expect(level - facts.levels[i - 1]!, `${path}: heading ${i}`).toBeLessThanOrEqual(1);
      expect(facts.landmarks, path).toEqual([1, 1, 1]);
      await page.context().close();
    }
  });

  it("links to the accessibility statement from every page footer", async () => {
    for (const path of PAGES) {
      const page = await open(path);
      expect(await page.locator("footer").getByRole("link", { name: "Accessibility statement" }).getAttribute("href"), path).toBe("/accessibility/");
      await page.context().close();
    }
  });

  it("works with JavaScript off", async () => {
    const page = await open("/", 1280, { javaScriptEnabled: false });
    await page.getByRole("link", { name: "Child Amber", exact: true }).click();
    expect(await page.locator("h1").textContent()).toBe("Child Amber");
    await page.context().close();
  });

  it("saves screenshots of the listing and a review page at both widths", async () => {
    for (const [name, path] of [
      ["listing", "/"],
      ["review", "/reviews/child-amber/"],
    ] as const) {
      for (const width of [320, 1280]) {
        const page = await open(path, width);
        const file = `${SCREENSHOTS}/${name}-${width}.png`;
        await page.screenshot({ path: file, fullPage: true });
        expect(statSync(file).size).toBeGreaterThan(5000);
        await page.context().close();
      }
    }
  });
});

describe("review pages", () => {
  it("carry a content notice with a route to support", async () => {
    const page = await open("/reviews/child-amber/");
    const notice = page.getByRole("complementary", { name: settings.support.heading });
    expect(await notice.getByRole("link", { name: "0808 800 5000" }).getAttribute("href")).toBe("tel:08088005000");
    expect(await notice.getByRole("link", { name: "NSPCC helpline" }).getAttribute("href")).toMatch(/^https:\/\/www\.nspcc\.org\.uk\//);
  });

  it("never label a document link only 'click here' or 'download'", async () => {
    for (const path of PAGES) {
      const page = await open(path);
      const names = await page.getByRole("link").allTextContents();
      for (const name of names) expect(name.trim().toLowerCase(), path).not.toMatch(/^(click here|here|download|read more|more)$/);
      await page.context().close();
    }
  });
});

describe("the accessibility statement", () => {
  it("has the sections the regulations require, from site data", async () => {
    const page = await open("/accessibility/");
    const headings = await page.locator("h2").allTextContents();
    expect(headings).toEqual(
      expect.arrayContaining([
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website's accessibility",
        "Non-accessible content",
        "Preparation of this accessibility statement",
      ]),
    );
    const text = await page.locator("main").textContent();
    expect(text).toContain("Equality and Human Rights Commission");
    expect(text).toContain("partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard");
    expect(text).toContain("This statement was prepared on 5 October 2026. It was last reviewed on 2 November 2026.");
    expect(text).toContain(settings.contact.email);
    expect(text).toContain("scanned documents from before 2020");
  });
});
