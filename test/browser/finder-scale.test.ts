import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromeLaunchConfig } from "../../src/checks/chromium.ts";
import { serveStatic, type StaticServer } from "../../src/checks/static-server.ts";
import type { ReviewView } from "../../src/catalogue/index.ts";
import { generateReviews, markdownDocument } from "../../tools/generate-reviews.ts";
import { FIXTURE_BUILD_DATE } from "../helpers/browser.ts";
import { catalogueOf } from "../helpers/catalogue.ts";
import { fixturePdf } from "../helpers/documents.ts";
import { fixtureProject } from "../helpers/fixture-project.ts";
import { AREA_KEYS } from "../helpers/reviews.ts";

/** 1,000 generated reviews (tools/generate-reviews.ts), moved into the fixture partnership's areas, built with the real build. */
let server: StaticServer;
let browser: Browser;
let listed: ReviewView[];
beforeAll(async () => {
  const { reviews, documents } = generateReviews(1000);
  const areas = [...new Set(reviews.map((review) => review.area as string))];
  for (const review of reviews) review.area = AREA_KEYS[areas.indexOf(review.area as string) % AREA_KEYS.length];
  const project = fixtureProject({
    reviews,
    files: Object.fromEntries(documents.map((file) => [file, file.endsWith(".md") ? markdownDocument(file.split("/")[0]!) : fixturePdf(file)])),
  });
  const build = await project.run("build", [], { BUILD_DATE: FIXTURE_BUILD_DATE });
  if (build.code !== 0) throw new Error(`The build of 1,000 reviews failed:\n${build.stderr}`);
  listed = (await catalogueOf(project.root, FIXTURE_BUILD_DATE)).listed;
  server = await serveStatic(path.join(project.root, "_site"));
  browser = await chromium.launch(chromeLaunchConfig());
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(address: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(server.url + address);
  return page;
}

const shownIds = (page: Page) =>
  page.locator("#finder-results .review-title a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!.split("/")[2]!));

/** Waits for the finder's script to have answered, then returns what it says. */
const settledCount = async (page: Page) => {
  await expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 20_000 }).toMatch(/match/);
  return (await page.locator("#finder-count").textContent())!;
};

describe("the finder at 1,000 reviews", () => {
  it("combines two filters and a search, as the address asks, and finds exactly what the catalogue holds, newest first", async () => {
    const area = AREA_KEYS[0]!;
    const expected = listed.filter((r) => r.links.type.key === "cspr" && r.area === area && r.links.themes.some((t) => t.key === "neglect")).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(1);
    // A query is ranked by relevance unless the address asks for another order: this one asks for newest first.
    const page = await open(`/?type=cspr&area=${area}&q=neglect&sort=newest`);
    const count = await settledCount(page);
    expect(count).toMatch(new RegExp(`^${expected.length} reviews match: Child Safeguarding Practice Reviews, in [^,]+, containing “neglect”\\.`));
    const shown: string[] = [];
    for (;;) {
      shown.push(...(await shownIds(page)));
      const next = page.getByRole("link", { name: "Next page" });
      if ((await next.count()) === 0) break;
      await next.click();
      await settledCount(page);
    }
    expect(shown).toEqual(expected);
    // The status is a polite live region, so the number is announced.
    expect(await page.locator("#finder-count").getAttribute("aria-live")).toBe("polite");
    expect(await page.locator("#finder-count").getAttribute("role")).toBe("status");
  });

  it("chosen in the form, keeps the choice in the address, and pages the results with links that keep it", async () => {
    const page = await open("/");
    const year = "2020";
    await page.getByLabel("By type").selectOption("cspr");
    await page.getByLabel("By year of publication").selectOption(year);
    await page.getByLabel("Sort by").selectOption("title");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await settledCount(page);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ type: "cspr", year, sort: "title" });
    const expected = listed
      .filter((r) => r.type === "CSPR" && String(r.year) === year)
      .sort((a, b) => a.rank.title - b.rank.title)
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(20);
    // Only Apply filters runs a search; wait for its answer.
    await expect.poll(() => shownIds(page), { timeout: 20_000 }).toEqual(expected.slice(0, 20));
    const next = page.getByRole("link", { name: "Next page" });
    expect(Object.fromEntries(new URL((await next.getAttribute("href"))!).searchParams)).toEqual({ type: "cspr", year, sort: "title", page: "2" });
    await next.click();
    expect(await settledCount(page)).toContain("Showing 21 to");
    expect(await shownIds(page)).toEqual(expected.slice(20, 40));
    await page.getByLabel("Sort by").selectOption("oldest");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await settledCount(page);
    const oldest = listed
      .filter((r) => r.type === "CSPR" && String(r.year) === year)
      .map((r) => r.id)
      .reverse();
    await expect.poll(() => shownIds(page), { timeout: 20_000 }).toEqual(oldest.slice(0, 20));
  });
});
