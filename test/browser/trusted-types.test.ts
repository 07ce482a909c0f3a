/**
 * Every public page enforces Trusted Types through its Content-Security-Policy (`require-trusted-types-for
 * 'script'`), and the site's own scripts and Pagefind's work under it: no policy violation, no script error, and
 * Pagefind's search runs in its web worker, which only the site's default policy lets it start (it hands
 * `new Worker` a string). Any other string given to a script sink is refused.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFixtureSite, type BrowserSite } from "../helpers/browser.ts";

let site: BrowserSite;
beforeAll(async () => {
  site = await openFixtureSite();
});
afterAll(async () => {
  await site?.close();
});

interface Opened {
  page: Page;
  problems: string[];
  workers: string[];
}

async function open(path: string): Promise<Opened> {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  const workers: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|Trusted ?Type|Refused to|violates/i.test(message.text())) problems.push(`${path}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${path}: ${error.message}`));
  page.on("worker", (worker) => workers.push(new URL(worker.url()).pathname));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(site.server.url + path);
  return { page, problems, workers };
}

describe("Trusted Types on the public pages", () => {
  it("are required by every page's policy", async () => {
    const { page } = await open("/");
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toContain("require-trusted-types-for 'script'");
  });

  it("break nothing in the finder: filters chosen, then a search, with Pagefind in its web worker", async () => {
    const { page, problems, workers } = await open("/");
    await page.getByLabel("By type").selectOption("cspr");
    await page.getByLabel("By area").selectOption("northshire");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 15_000 }).toMatch(/^3 reviews match: /);
    await page.getByLabel("Search the reviews").fill("neglect");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 15_000 }).toMatch(/^1 review matches: .*containing “neglect”\./);
    expect(workers).toContain("/pagefind/pagefind-worker.js");
    expect(problems).toEqual([]);
  });

  it("break nothing in a search from the old search address: its results with Pagefind's excerpts, found in Pagefind's web worker", async () => {
    const { page, problems, workers } = await open("/search/?q=sleep");
    // Wait for the search's own answer: the list before it (every review, drawn without JavaScript) holds Baby Birch
    // too, so waiting for that title alone passed before Pagefind had started its worker.
    await expect.poll(() => page.locator("#finder-count").textContent(), { timeout: 15_000 }).toContain("containing “sleep”");
    expect(await page.locator("#finder-results .review-title > a").allTextContents()).toContain("Baby Birch");
    expect(await page.locator("#finder-results .result-excerpt mark").count()).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe("/");
    expect(workers).toContain("/pagefind/pagefind-worker.js");
    expect(problems).toEqual([]);
  });

  it("break nothing on a review page, an HTML version, the accessibility statement or the 404 page", async () => {
    for (const path of ["/reviews/child-amber/", "/reviews/child-fern/overview-report/", "/accessibility/", "/404.html"]) {
      const { page, problems } = await open(path);
      await page.locator("h1").waitFor();
      expect(problems, path).toEqual([]);
    }
  });

  it("refuse any other string given to a script sink: the site's policy allows Pagefind's worker and nothing else", async () => {
    const { page } = await open("/");
    await expect
      .poll(() => page.evaluate(() => Boolean((window as { trustedTypes?: { defaultPolicy: unknown } }).trustedTypes?.defaultPolicy)), { timeout: 15_000 })
      .toBe(true);
    const refused = await page.evaluate(() => {
      const tries: Record<string, () => unknown> = {
        "a worker from another address": () => new Worker("/assets/search.js"),
        "a script element's src": () => {
          document.createElement("script").src = "https://evil.example/x.js";
        },
        "HTML into innerHTML": () => {
          document.createElement("div").innerHTML = "<img src=x onerror=alert(1)>";
        },
      };
      return Object.entries(tries).map(([name, attempt]) => {
        try {
          attempt();
          return `${name}: allowed`;
        } catch (error) {
          return `${name}: ${(error as Error).name}`;
        }
      });
    });
    expect(refused).toEqual(["a worker from another address: TypeError", "a script element's src: TypeError", "HTML into innerHTML: TypeError"]);
  });
});
