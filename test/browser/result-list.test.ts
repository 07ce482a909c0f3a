/**
 * What each result of the finder says (issue 21): a review's status once, in the plain list at `/`, on a filter page
 * and in a search's results (a withheld or delayed review's mark is read as "see the note", as on the review page);
 * and a match in a review's own words (its summary, its themes) shown as an excerpt with the matched words
 * highlighted, as a match inside a document is. For the fixture partnership and for partnership B, whose footnote
 * labels are its statuses' very words.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { STATUS_TEXT } from "../../src/catalogue/wording.ts";
import { axeViolations, buildFixture, servedWithListed } from "../helpers/browser.ts";
import { buildPartnershipB, PARTNERSHIP_B } from "../helpers/partnership-b.ts";
import { FIXTURES, fixtureSite } from "../helpers/site.ts";

interface Listed {
  id: string;
  title: string;
  status: "published" | "withheld" | "delayed";
}
const PARTNERSHIPS = [
  // A query found only in a review's summary: [query, the review it finds, a word of the query the excerpt marks].
  { name: "the fixture partnership", dir: FIXTURES, build: () => buildFixture(), summaryOnly: ["sleeping place", "baby-birch"] },
  { name: "partnership B", dir: PARTNERSHIP_B, build: () => buildPartnershipB(), summaryOnly: ["rural area", "child-willow"] },
] as const;

describe.each(PARTNERSHIPS)("the finder's results, $name", ({ dir, build, summaryOnly }) => {
  const served = servedWithListed<Listed>(build);

  const open = async (address: string, width = 360): Promise<Page> => {
    const page = await (await served.site.browser.newContext({ viewport: { width, height: 800 } })).newPage();
    await page.goto(served.site.server.url + address);
    return page;
  };
  /** Each result's id and all its text, what a screen reader reads included (visually hidden words). */
  const items = (page: Page) =>
    page
      .locator("#finder-results .review-item")
      .evaluateAll((lis) => lis.map((li) => [li.querySelector(".review-title a")!.getAttribute("href")!.split("/")[2]!, li.textContent!] as const));
  const answered = (page: Page, query: string) => expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 15_000 }).toContain(`“${query}”`);

  it("states each review's status once, in the list at /, on a filter page and in a search's results", async () => {
    const footnotes = fixtureSite(dir).footnotes as Record<string, { label: string }>;
    const unpublished = served.listed.filter((r) => r.status !== "published");
    expect(unpublished.map((r) => r.status).sort()).toEqual(expect.arrayContaining(["delayed", "withheld"]));
    const mentions = (text: string, review: Listed) => {
      const words = [...new Set([STATUS_TEXT[review.status], footnotes[review.status]!.label].map((w) => w.toLowerCase()))];
      return words.reduce((n, phrase) => n + text.toLowerCase().split(phrase).length - 1, 0);
    };
    const views = [await open("/"), await open("/reviews/type/cspr/"), await open("/?q=review")];
    await answered(views[2]!, "review");
    let checked = 0;
    for (const page of views) {
      for (const [id, text] of await items(page)) {
        const review = served.listed.find((r) => r.id === id)!;
        if (review.status === "published") continue;
        expect(mentions(text, review), `${page.url()}: ${id} says “${text.replace(/\s+/g, " ").trim()}”`).toBe(1);
        checked++;
      }
      // The mark still leads to its note.
      const mark = page.locator("#finder-results .footnote-marker").first();
      if (await mark.count()) expect(await mark.getAttribute("href")).toMatch(/^#footnote-(withheld|delayed)$/);
      await page.context().close();
    }
    expect(checked).toBeGreaterThanOrEqual(unpublished.length * 2);
  });

  for (const width of [320, 1280])
    it(`shows a match in a review's summary as an excerpt with the matched words highlighted, and none for a match in its title alone, at ${width} px`, async () => {
      const [query, id] = summaryOnly;
      const page = await open(`/?q=${encodeURIComponent(query)}`, width);
      await answered(page, query);
      const result = page.locator("#finder-results .review-item").filter({ has: page.locator(`.review-title a[href$="/${id}/"]`) });
      const excerpt = result.locator(".result-own .result-excerpt");
      expect(await excerpt.count()).toBe(1);
      const marked = (await excerpt.locator("mark").allTextContents()).map((w) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""));
      expect(marked).toEqual(expect.arrayContaining(query.split(" ")));
      expect(await excerpt.textContent()).toContain(query);
      // Text and <mark> only.
      expect(await excerpt.locator("*:not(mark)").count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      // A review found by its title alone gets no excerpt of its details: the title already shows what matched.
      const title = served.listed.find((r) => r.id === id)!.title;
      const named = await open(`/?q=${encodeURIComponent(title)}`, width);
      await answered(named, title);
      const first = named.locator("#finder-results .review-item").first();
      expect(await first.locator(".review-title a").getAttribute("href")).toMatch(new RegExp(`/${id}/$`));
      expect(await first.locator(".result-own").count()).toBe(0);
      await page.context().close();
      await named.context().close();
    });
});
