/**
 * A finder (issue 23, part 2) in Chromium: built from two hand-made feeds served on 127.0.0.1, then served itself.
 * Its own search finds a review by its title and summary and links to the partnership's own page; its partnership
 * filter and its area-within-a-partnership filter combine with the search; a hostile title or area name stays text.
 */
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromeLaunchConfig } from "../../src/checks/chromium.ts";
import { serveStatic, type StaticServer } from "../../src/checks/static-server.ts";
import { axeViolations } from "../helpers/browser.ts";
import { finderProject, handMadeFeed, handMadeRecord, serveFeed } from "../helpers/finder.ts";

const NORTH = "https://north.example.org";
const SOUTH = "https://south.example.org";
const HOSTILE = "Child <img src=x onerror=alert(1)> Quill";
/** An area's name from North's feed, as hostile as a title. */
const EAST = "East <img src=x onerror=alert(4)> Marsh";

let servers: StaticServer[] = [];
let finder: StaticServer;
let browser: Browser;

beforeAll(async () => {
  servers = await Promise.all([
    serveFeed(
      handMadeFeed(NORTH, "North Partnership", [
        handMadeRecord(NORTH, { id: "child-marram", title: "Child Marram", summary: "A heron stood by the weir.", published: "2026-06-01" }),
        handMadeRecord(NORTH, { id: "child-quill", title: HOSTILE, summary: "Lessons on safe sleep.", published: "2026-04-01" }),
        // Another of North's areas; both partnerships have an area keyed "west".
        handMadeRecord(NORTH, {
          id: "child-tern",
          title: "Child Tern",
          summary: "Lessons on bruising.",
          area: "east",
          areaName: EAST,
          published: "2026-03-01",
        }),
      ]),
    ),
    serveFeed(
      handMadeFeed(SOUTH, "South Partnership", [handMadeRecord(SOUTH, { id: "child-sedge", title: "Child Sedge", summary: "Lessons on safe sleep." })]),
    ),
  ]);
  const project = finderProject([
    { id: "north", name: "North Partnership", feed: `${servers[0]!.url}/reviews.json`, site: NORTH },
    { id: "south", name: "South Partnership", feed: `${servers[1]!.url}/reviews.json`, site: SOUTH },
  ]);
  const built = await project.run("build", [], { BUILD_DATE: "2026-11-26" });
  if (built.code !== 0) throw new Error(built.stderr);
  finder = await serveStatic(path.join(project.root, "_site"));
  browser = await chromium.launch(chromeLaunchConfig());
}, 300_000);
afterAll(async () => {
  await browser?.close();
  for (const server of [...servers, finder]) await server?.close();
});

async function open(address: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("dialog", (dialog) => errors.push(`dialog: ${dialog.message()}`));
  await page.goto(finder.url + address);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}
const titles = (page: Page) =>
  page.locator("#finder-results .review-title > a:first-child").evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute("href")]));
const answered = (page: Page, words: string) => expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 15_000 }).toContain(words);

describe("a finder's own search, in Chromium", () => {
  it("finds a review by its summary and links the result to its partnership's own page, naming the partnership", async () => {
    const page = await open("/?q=heron");
    await answered(page, "containing “heron”");
    expect(await titles(page)).toEqual([["Child Marram", `${NORTH}/reviews/child-marram/`]]);
    expect(await page.locator("#finder-results .review-meta").first().textContent()).toContain("North Partnership");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("combines the partnership filter with a search, and keeps a hostile title as text", async () => {
    const page = await open("/?q=sleep&area=north");
    await answered(page, "containing “sleep”");
    expect(await titles(page)).toEqual([[HOSTILE, `${NORTH}/reviews/child-quill/`]]);
    const all = await open("/?q=sleep");
    await answered(all, "containing “sleep”");
    expect((await titles(all)).map(([, href]) => href).sort()).toEqual([`${NORTH}/reviews/child-quill/`, `${SOUTH}/reviews/child-sedge/`]);
    expect(await all.locator("#finder-results img").count()).toBe(0);
    expect((page as Page & { errors: string[] }).errors.concat((all as Page & { errors: string[] }).errors)).toEqual([]);
  });
});

describe("a finder's filter by area within a partnership, in Chromium", () => {
  it("offers each partnership's areas grouped under it, and shows only the chosen area's reviews combined with a search, kept in the address", async () => {
    const page = await open("/");
    const groups = page.locator("#filter-place optgroup");
    expect(await groups.evaluateAll((els) => els.map((g) => [(g as HTMLOptGroupElement).label, [...g.children].map((o) => o.textContent)]))).toEqual([
      ["North Partnership", [`${EAST} (1)`, "West (2)"]],
      ["South Partnership", ["West (1)"]],
    ]);
    expect(await page.locator("#filter-place img").count()).toBe(0);
    await page.selectOption("#filter-place", "north/west");
    await page.fill("#finder-search", "lessons");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await answered(page, "containing “lessons”");
    // North's west only: not South's west (the same key), nor North's east (the same word).
    expect(await titles(page)).toEqual([[HOSTILE, `${NORTH}/reviews/child-quill/`]]);
    expect(await page.locator("#finder-count").textContent()).toContain("in West (North Partnership)");
    expect(new URL(page.url()).searchParams.get("place")).toBe("north/west");
    // Each option counts what it would give with the search and the other filters.
    expect(await page.locator('#filter-place option[value="south/west"]').textContent()).toBe("West (1)");
    expect(await page.locator('#filter-area option[value="south"]').textContent()).toBe("South Partnership (0)");
    expect(await axeViolations(page)).toEqual([]);
    // The address restores the view.
    await page.reload();
    await answered(page, "containing “lessons”");
    expect(await page.locator("#filter-place").inputValue()).toBe("north/west");
    expect(await titles(page)).toEqual([[HOSTILE, `${NORTH}/reviews/child-quill/`]]);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });

  it("says plainly that an area of one partnership and another partnership together give nothing, and what to choose instead", async () => {
    const page = await open(`/?area=south&place=${encodeURIComponent("north/west")}`);
    await answered(page, "No reviews match");
    expect(await titles(page)).toEqual([]);
    expect(await page.locator("#finder-count").textContent()).toContain(
      "West is an area of North Partnership, not of South Partnership: choose North Partnership or any partnership.",
    );
  });
});
