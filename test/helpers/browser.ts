import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { x } from "tinyexec";
import { chromeLaunchConfig } from "../../src/checks/chromium.ts";
import { serveStatic, type StaticServer } from "../../src/checks/static-server.ts";
import { PROJECT_ROOT } from "./site.ts";

/** Build the sample site at a fixed date into a temporary folder, with the real build command. */
export async function buildSample(buildDate = "2026-11-26"): Promise<string> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "lr-sample-")), "_site");
  const result = await x(process.execPath, ["--import", "tsx", "scripts/build.ts", "--out", out], { nodeOptions: { cwd: PROJECT_ROOT, env: { BUILD_DATE: buildDate } } });
  if (result.exitCode !== 0) throw new Error(`The sample build failed:\n${result.stderr}`);
  return out;
}

export interface BrowserSite {
  server: StaticServer;
  browser: Browser;
  siteDir: string;
  close(): Promise<void>;
}

/** The built sample site, served on 127.0.0.1, and Debian's Chromium driven by playwright-core. */
export async function openSampleSite(): Promise<BrowserSite> {
  const siteDir = await buildSample();
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Run axe-core in the page against WCAG 2.0, 2.1 and 2.2 A and AA rules. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] } });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((n) => ({ target: n.target })) }));
  });
}

/** Where screenshots are kept as test artifacts (not committed). */
export const SCREENSHOTS = path.join(PROJECT_ROOT, "test-results", "screenshots");
