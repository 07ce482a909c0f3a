/**
 * The editor built alone (`npm run build:editor`), served from an origin of its own as docs/deploying.md says: in a
 * window of its own it starts, and its own policy blocks nothing of its own (zod's eval probe included); framed by
 * a page of another origin, it starts nothing (neither Sveltia CMS nor the site's script is loaded) and says how
 * to open it.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromeLaunchConfig } from "../../src/checks/chromium.ts";
import { serveStatic, type StaticServer } from "../../src/checks/static-server.ts";
import { fixtureProject } from "../helpers/fixture-project.ts";
import { fixtureReviews } from "../helpers/site.ts";
import { temporaryFolder } from "../helpers/temporary.ts";

let editor: StaticServer;
let framer: StaticServer;
let browser: Browser;
beforeAll(async () => {
  const project = fixtureProject({ reviews: fixtureReviews() });
  const out = path.join(project.root, "_editor");
  const built = await project.run("build-editor", ["--out", out]);
  expect(built.code, built.stderr).toBe(0);
  editor = await serveStatic(out);
  // Another origin (another port), with a page that frames the editor, as a clickjacking page would.
  const other = temporaryFolder("lr-framer-");
  framer = await serveStatic(other);
  writeFileSync(path.join(other, "index.html"), `<!doctype html><title>Framing page</title><iframe src="${editor.url}/" width="800" height="600"></iframe>`);
  browser = await chromium.launch(chromeLaunchConfig());
});
afterAll(async () => {
  await browser?.close();
  await editor?.close();
  await framer?.close();
});

/** What the page reports that a Content-Security-Policy blocked, anything at all (Sveltia's update check on unpkg.com and GitHub's status page included: the editor answers those itself, admin/editor-boot.js). */
async function blockedOf(page: Page): Promise<string[]> {
  const blocked: string[] = [];
  // Chromium reports some violations (an eval) only as an event, not on the console: say them there.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  page.on("console", (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy|Refused to|violates/i.test(text)) blocked.push(text);
  });
  page.on("pageerror", (error) => blocked.push(error.message));
  return blocked;
}

describe("the editor served alone", () => {
  it("starts in a window of its own, at the root of its origin, and its policy blocks nothing of its own (no eval)", async () => {
    const page = await (await browser.newContext()).newPage();
    const blocked = await blockedOf(page);
    await page.goto(`${editor.url}/`);
    await page.getByRole("button", { name: /Work with Local Repository/ }).waitFor({ timeout: 20_000 });
    await page.waitForLoadState("networkidle");
    expect(await page.locator("#editor-framed").count()).toBe(0);
    expect(blocked).toEqual([]);
  });

  it("framed by a page of another origin, loads neither Sveltia CMS nor its script, and says how to open it", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${framer.url}/`);
    const frame = page.frameLocator("iframe");
    const message = frame.locator("#editor-framed");
    await message.waitFor({ timeout: 20_000 });
    expect(await message.textContent()).toContain("works only in a window of its own");
    expect(await frame.getByRole("link", { name: "Open the editor in a new window" }).getAttribute("href")).toBe(`${editor.url}/`);
    // The start script decides once, before loading anything: once it has shown the message, nothing was loaded.
    const inFrame = page.frames().find((f) => f.url().startsWith(editor.url))!;
    expect(await inFrame.evaluate(() => [...document.scripts].map((s) => s.getAttribute("src")))).toEqual(["editor-boot.js"]);
    expect(await inFrame.evaluate(() => "CMS" in window)).toBe(false);
  });
});
