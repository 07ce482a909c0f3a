import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, buildFixture, servedWithListed } from "../helpers/browser.ts";
import { PHRASES_INSIDE } from "../helpers/documents.ts";
import { buildPartnershipB, PHRASES_INSIDE_B } from "../helpers/partnership-b.ts";

/**
 * The one search on `/` (issue 21): metadata and documents' text together, one result per review, ranked, counted in
 * reviews, paged; and its filters. For the fixture partnership and for partnership B (other areas, SCRs kept 24 months).
 */
interface Listed {
  id: string;
  title: string;
  type: string;
  area: string;
  areaName: string;
}
const PARTNERSHIPS = [
  {
    name: "the fixture partnership",
    build: () => buildFixture(),
    // A phrase only inside a listed review's first document, a PDF; and one only inside a removed SCR's report.
    inside: { id: "child-amber", phrase: PHRASES_INSIDE["child-amber/overview-report.pdf"]! },
    removed: PHRASES_INSIDE["child-hazel/overview-report.pdf"]!,
    // How many of the name queries (two a listed review) match several reviews, so that the order is not the only one possible.
    severalAtLeast: 4,
    fixtureOnly: true,
  },
  {
    name: "partnership B",
    build: () => buildPartnershipB(),
    inside: { id: "child-rowan", phrase: PHRASES_INSIDE_B["child-rowan/overview-report.pdf"]! },
    removed: PHRASES_INSIDE_B["family-yarrow/overview-report.pdf"]!,
    // Its names are all different ("Child Rowan", "Child Willow" share a word), so fewer of its 8 queries match several.
    severalAtLeast: 2,
    fixtureOnly: false,
  },
] as const;

describe.each(PARTNERSHIPS)("$name", ({ build, inside, removed, severalAtLeast, fixtureOnly }) => {
  const served = servedWithListed<Listed>(build);

  const WIDTHS = [320, 360, 1280];

  async function open(path: string, width: number, options: { pageSize?: number } = {}): Promise<Page> {
    const context = await served.site.browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    // A smaller page of results than the site's 20, so the fixture's 7 reviews need several pages: the finder reads its page size from the form.
    if (options.pageSize)
      await page.route(/\/(\?.*)?$/, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/data-page-size="\d+"/, `data-page-size="${options.pageSize}"`);
        await route.fulfill({ response, body });
      });
    await page.goto(served.site.server.url + path);
    return page;
  }

  /** The review ids of the results shown, in order. */
  const shownIds = (page: Page) =>
    page.locator("#finder-results .review-item .review-title > a:first-child").evaluateAll((links) => links.map((a) => a.getAttribute("href")!.split("/")[2]!));

  /** Waits until the finder has answered the address it is at (its count names the query), then gives the count's text. */
  async function answered(page: Page, query: string): Promise<string> {
    await expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 15_000 }).toContain(`“${query}”`);
    return (await page.locator("#finder-count").textContent())!;
  }

  async function search(page: Page, query: string): Promise<string> {
    await page.getByLabel("Search the reviews").fill(query);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    return answered(page, query);
  }

  describe("the one search on /", () => {
    for (const width of WIDTHS) {
      it(`ranks the review a query names first, for every listed review by its title and as "Child H" names one, at ${width} px`, async () => {
        expect(served.listed.length).toBeGreaterThan(3);
        const page = await open("/", width);
        await page.getByLabel("Search the reviews").waitFor({ state: "visible" });
        let ranked = 0;
        for (const review of served.listed) {
          // Its whole title, and its title with the name cut to an initial, as a report names a child ("Child A"): that one matches other reviews too.
          const initial = review.title.replace(/(\S)\S*$/, "$1");
          for (const query of [review.title, initial]) {
            await search(page, query);
            const ids = await shownIds(page);
            expect(ids[0], `the first result for “${query}”`).toBe(review.id);
            if (ids.length > 1) ranked++;
            // Ranked by relevance, and the order says so; the visitor can choose another.
            expect(await page.getByLabel("Sort by").inputValue()).toBe("relevance");
            expect(await page.locator("#finder-count").textContent()).toMatch(/best match first\.$/);
            expect(new URL(page.url()).searchParams.get("q")).toBe(query);
          }
        }
        // Most of those queries match several reviews, so the order is not the only one possible.
        expect(ranked).toBeGreaterThanOrEqual(severalAtLeast);
        await page.context().close();
      });

      it(`finds a review from / by a phrase only inside its PDF, with that document under it and the words highlighted, at ${width} px`, async () => {
        const { phrase, id } = inside;
        const page = await open(`/?q=${encodeURIComponent(phrase)}`, width);
        expect(await answered(page, phrase)).toMatch(/^1 review matches/);
        expect(await shownIds(page)).toEqual([id]);
        const documents = page.locator("#finder-results .review-item .result-documents li");
        expect(await documents.count()).toBe(1);
        const link = documents.first().locator("a");
        expect(await link.textContent()).toMatch(/^Overview report \(PDF, \d+ KB, 1 page\)$/);
        expect(await link.getAttribute("href")).toBe(`/reviews/${id}/#document-1`);
        const marked = await documents.first().locator(".result-excerpt mark").allTextContents();
        expect(marked.map((word) => word.toLowerCase())).toEqual(expect.arrayContaining(phrase.split(" ")));
        // Only text and <mark> come from the excerpt: no other element.
        expect(await documents.first().locator(".result-excerpt *:not(mark)").count()).toBe(0);
        expect(await axeViolations(page)).toEqual([]);

        // A phrase only inside a removed SCR's report finds nothing.
        const removedWords = removed.split(" ").slice(0, 2).join(" ");
        await search(page, removedWords);
        expect(await page.locator("#finder-count").textContent()).toMatch(/^No reviews match/);
        expect(await shownIds(page)).toEqual([]);
        await page.context().close();
      });

      it(`counts reviews, and the count equals the reviews shown over all its pages, at ${width} px`, async () => {
        const page = await open("/?q=child", width, { pageSize: 2 });
        const count = await answered(page, "child");
        const total = Number(/^(\d+) reviews match/.exec(count)?.[1]);
        expect(total).toBeGreaterThan(2);
        const shown: string[] = [];
        for (;;) {
          shown.push(...(await shownIds(page)));
          const next = page.getByRole("link", { name: "Next page" });
          if ((await next.count()) === 0) break;
          const before = page.url();
          await next.click();
          await page.waitForURL((url) => url.href !== before);
          await answered(page, "child");
        }
        expect(shown).toHaveLength(total);
        expect(new Set(shown).size).toBe(total);
        for (const id of shown) expect(served.listed.map((r) => r.id)).toContain(id);
        await page.context().close();
      });
    }
  });

  describe("the finder's filters", () => {
    /** The number an option of a filter says, as "Southvale (3)". */
    const optionCount = async (page: Page, label: string, value: string) => {
      const text = await page.getByLabel(label).locator(`option[value="${value}"]`).textContent();
      return Number(/\((\d+)\)$/.exec(text!)?.[1]);
    };

    for (const width of WIDTHS) {
      it(`give each option the number of reviews it would give with the other filters and the query, at ${width} px`, async () => {
        const page = await open("/", width);
        await page.locator("#finder-filters summary").waitFor({ state: "visible" });
        if ((await page.locator("#finder-filters").getAttribute("open")) === null) await page.locator("#finder-filters summary").click();
        const inArea = (type: string | null, area: string) => served.listed.filter((r) => (type === null || r.type === type) && r.area === area).length;
        const areas = [...new Set(served.listed.map((r) => r.area))];
        // An area whose count the type filter changes, and every other.
        const changed = areas.find((area) => inArea("SCR", area) !== inArea(null, area))!;
        expect(changed).toBeDefined();
        expect(await optionCount(page, "By area", changed)).toBe(inArea(null, changed));
        await page.getByLabel("By type").selectOption("scr");
        await page.getByRole("button", { name: "Apply filters" }).click();
        await expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 15_000 }).toMatch(/Serious Case Reviews/);
        await expect.poll(() => optionCount(page, "By area", changed), { timeout: 15_000 }).toBe(inArea("SCR", changed));
        for (const area of areas) expect(await optionCount(page, "By area", area), area).toBe(inArea("SCR", area));
        // An option of the chosen filter counts with the others, not with itself: CSPRs are still offered with their number.
        expect(await optionCount(page, "By type", "cspr")).toBe(served.listed.filter((r) => r.type === "CSPR").length);
        expect(await axeViolations(page)).toEqual([]);
        await page.context().close();
      });

      it(`act only when the visitor applies them: arrow keys through a select neither re-filter nor add history, at ${width} px`, async () => {
        const page = await open("/", width);
        await page.locator("#finder-filters summary").waitFor({ state: "visible" });
        if ((await page.locator("#finder-filters").getAttribute("open")) === null) await page.locator("#finder-filters summary").click();
        // Every text the count shows from now on, and every change to the results.
        await page.evaluate(() => {
          const w = window as unknown as { seen: string[] };
          w.seen = [];
          new MutationObserver(() => w.seen.push(document.getElementById("finder-count")!.textContent!)).observe(document.getElementById("finder-count")!, {
            childList: true,
            characterData: true,
            subtree: true,
          });
        });
        const historyBefore = await page.evaluate(() => history.length);
        const area = page.getByLabel("By area");
        await area.focus();
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
        const chosen = await area.inputValue();
        expect(chosen).not.toBe("");
        expect(new URL(page.url()).search).toBe("");
        // Then the explicit choice: the Apply filters button, from the keyboard.
        await page.getByRole("button", { name: "Apply filters" }).focus();
        await page.keyboard.press("Enter");
        await expect.poll(() => new URL(page.url()).searchParams.get("area"), { timeout: 15_000 }).toBe(chosen);
        await expect.poll(() => page.evaluate(() => (window as unknown as { seen: string[] }).seen.at(-1)), { timeout: 15_000 }).toMatch(/match/);
        const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
        // One answer only: the one to the visitor's choice, never one per option passed on the way.
        expect(new Set(seen).size).toBe(1);
        expect(await page.evaluate(() => history.length)).toBe(historyBefore + 1);
        const ids = await shownIds(page);
        expect(ids.sort()).toEqual(
          served.listed
            .filter((r) => r.area === chosen)
            .map((r) => r.id)
            .sort(),
        );
        // Back goes to the view before the choice.
        await page.goBack();
        await expect.poll(() => shownIds(page), { timeout: 15_000 }).toHaveLength(served.listed.length);
        expect(await area.inputValue()).toBe("");
        await page.context().close();
      });
    }

    it.runIf(fixtureOnly)("on a desktop, keep the year filter on the row of the others, and Apply filters clear of Sort by", async () => {
      const page = await open("/", 1280);
      await page.getByLabel("By year of publication").waitFor({ state: "visible" });
      const box = async (label: string) => (await page.getByLabel(label).boundingBox())!;
      const type = await box("By type");
      const year = await box("By year of publication");
      expect(Math.abs(year.y - type.y)).toBeLessThan(2);
      const sort = await box("Sort by");
      const apply = (await page.getByRole("button", { name: "Apply filters" }).boundingBox())!;
      const apart = apply.y >= sort.y + sort.height || apply.x >= sort.x + sort.width || apply.x + apply.width <= sort.x;
      expect(apart, "the button and the sort list do not overlap").toBe(true);
      const gap = Math.max(apply.y - (sort.y + sort.height), apply.x - (sort.x + sort.width), sort.x - (apply.x + apply.width));
      expect(gap).toBeGreaterThanOrEqual(8);
      await page.context().close();
    });

    for (const width of WIDTHS) {
      it.runIf(fixtureOnly)(`make footer and "Back to …" links at least 24 px tall, at ${width} px`, async () => {
        const page = await open("/reviews/child-fern/overview-report/", width);
        const heights = await page
          .locator("footer a, a:text-matches('^Back to ')")
          .evaluateAll((links) => links.map((a) => [a.textContent, a.getBoundingClientRect().height] as const));
        expect(heights.length).toBeGreaterThan(3);
        for (const [text, height] of heights) expect(height, `${text}`).toBeGreaterThanOrEqual(24);
        await page.context().close();
      });
    }
  });

  describe("/search/", () => {
    it.runIf(fixtureOnly)("sends a search to the one search on /, keeping the query, and is neither linked nor in the sitemap", async () => {
      const page = await open("/search/?q=neglect", 360);
      await page.waitForURL((url) => url.pathname === "/" && url.searchParams.get("q") === "neglect");
      expect(await answered(page, "neglect")).toMatch(/reviews? match/);
      const sitemap = await (await fetch(`${served.site.server.url}/sitemap.xml`)).text();
      expect(sitemap).not.toContain("/search/");
      for (const path of ["/", "/reviews/", "/reviews/child-amber/", "/accessibility/", "/open-data/"]) {
        const html = await (await fetch(served.site.server.url + path)).text();
        expect(html, path).not.toMatch(/href="\/search\//);
      }
      await page.context().close();
    });
  });
});
