import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { chromeLaunchConfig } from "../../src/checks/chromium.ts";
import { serveStatic, type StaticServer } from "../../src/checks/static-server.ts";
import { documentsOf } from "./documents.ts";
import { fixtureProject } from "./fixture-project.ts";
import { fixtureReviews, PROJECT_ROOT } from "./site.ts";

/** The date the browser tests build the fixture at: what is listed, removed and footnoted follows from it. */
export const FIXTURE_BUILD_DATE = "2026-11-26";

/** Build the fixture partnership (test/fixtures/: site.json, reviews.json, documents made in code) with the real build command. */
export async function buildFixture(buildDate = FIXTURE_BUILD_DATE): Promise<string> {
  const reviews = fixtureReviews();
  const project = fixtureProject({ reviews, files: documentsOf(reviews) });
  const build = await project.run("build", [], { BUILD_DATE: buildDate });
  if (build.code !== 0) throw new Error(`The fixture build failed:\n${build.stderr}`);
  return path.join(project.root, "_site");
}

export interface BrowserSite {
  server: StaticServer;
  browser: Browser;
  siteDir: string;
  close(): Promise<void>;
}

/** A built site served on 127.0.0.1, with Debian's Chromium driven by playwright-core. */
export async function openBuiltSite(siteDir: string): Promise<BrowserSite> {
  const server = await serveStatic(siteDir);
  const browser = await chromium.launch(chromeLaunchConfig());
  return {
    server,
    browser,
    siteDir,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * For a describe block: before its tests, the site `build` makes, served and opened, and the reviews its feed
 * (`/reviews.json`) lists; closed after them. Read `site` and `listed` inside the tests, not at definition.
 */
export function servedWithListed<Listed>(build: () => Promise<string>): { readonly site: BrowserSite; readonly listed: Listed[] } {
  const held: { site?: BrowserSite; listed?: Listed[] } = {};
  beforeAll(async () => {
    held.site = await openBuiltSite(await build());
    held.listed = ((await (await fetch(`${held.site.server.url}/reviews.json`)).json()) as { reviews: Listed[] }).reviews;
  }, 240_000);
  afterAll(async () => {
    await held.site?.close();
  });
  return {
    get site() {
      return held.site!;
    },
    get listed() {
      return held.listed!;
    },
  };
}

/** The built fixture site, served on 127.0.0.1, and Debian's Chromium driven by playwright-core. */
export async function openFixtureSite(): Promise<BrowserSite> {
  return openBuiltSite(await buildFixture());
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Run axe-core in the page against WCAG 2.0, 2.1 and 2.2 A and AA rules. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not as an inline script, which the site's Content-Security-Policy (rightly) refuses.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] } });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((n) => ({ target: n.target })) }));
  });
}

/** Where screenshots are kept as test artifacts (not committed). */
export const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results", "screenshots");
