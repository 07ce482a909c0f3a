/**
 * The editor in Chromium, built alone (`npm run build:editor`) and served at the root of an origin of its own as
 * docs/deploying.md says (a site that carries it at /admin/ has the same files: test/build/admin.test.ts), with Sveltia CMS's local-folder backend:
 * the fixture partnership's (Northshire's) data in an Origin Private File
 * System folder stands in for the folder a maintainer picks, and its editor
 * configuration is made by its own `npm run schema`. Screenshots go to
 * test-results/screenshots/ (the maintainer's guide's step-by-step refers to them; copies in docs/editor/).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chromeLaunchConfig } from "../../src/checks/chromium.ts";
import { serveStatic, type StaticServer } from "../../src/checks/static-server.ts";
import { leavingLine, londonToday } from "../../src/cms/editor-rules.ts";
import { readableDate } from "../../src/model/dates.ts";
import { openReviewsInEditor, readLocalBytes, readLocalFile, seedLocalRepository } from "../helpers/cms.ts";
import { SCREENSHOTS } from "../helpers/browser.ts";
import { documentsOf } from "../helpers/documents.ts";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { makePdf } from "../helpers/pdfs.ts";
import { fixtureReviews, fixtureSite } from "../helpers/site.ts";

const BUILD_DATE = "2026-11-26";
const reviews = fixtureReviews();
const site = fixtureSite() as { areas: Record<string, string>; retentionMonths: number };
const REVIEWS = `${JSON.stringify(reviews, null, 2)}\n`;
const firstArea = Object.entries(site.areas)[0]!;
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, name) });
/** The text a person sees in `locator`, spaces collapsed (Playwright's innerText, which Biome takes for the DOM's). */
// biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), the rendered text, is what is meant.
const seen = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, " ");
const bodyText = (page: Page) => seen(page.locator("body"));
/** A date as the site and the editor's form write it: 20 November 2026. */
const inWords = (date: unknown) => (typeof date === "string" ? readableDate(date as never) : "not yet");

/** Scroll the editor's list until `text` is on screen (Sveltia CMS renders list items as they scroll into view). */
async function scrollTo(page: Page, text: string): Promise<string> {
  await page.getByRole("button", { name: /Add.*review/ }).hover();
  for (let step = 0; step < 60 && !(await bodyText(page)).includes(text); step++) {
    await page.mouse.wheel(0, 250);
    await page.waitForTimeout(50);
  }
  return bodyText(page);
}

/**
 * From now on, note in the page each time Sveltia's dialog about review "child-zara" opens or closes and each time
 * the editor's message (#reviews-editor-problems) appears or goes, in the order they happen (read with seenInOrder).
 */
async function watchDialogAndMessage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { seenInOrder: string[] }).seenInOrder = log;
    const shown = (element: Element) => element.getClientRects().length > 0;
    const dialogShown = () =>
      [...document.querySelectorAll('dialog, [role="dialog"], [role="alertdialog"]')].some((d) => shown(d) && (d.textContent ?? "").includes("child-zara"));
    const messageShown = () => document.getElementById("reviews-editor-problems") !== null;
    let dialog = dialogShown();
    let message = messageShown();
    new MutationObserver(() => {
      const [dialogNow, messageNow] = [dialogShown(), messageShown()];
      if (dialogNow !== dialog) log.push(dialogNow ? "dialog opened" : "dialog closed");
      if (messageNow !== message) log.push(messageNow ? "message shown" : "message gone");
      [dialog, message] = [dialogNow, messageNow];
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
}

const seenInOrder = (page: Page) => page.evaluate(() => (window as unknown as { seenInOrder: string[] }).seenInOrder);

describe("the editor, built alone, with the local-folder backend, for the fixture partnership", () => {
  let project: FixtureProject;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let blockedFonts: string[];
  beforeAll(async () => {
    project = fixtureProject({ reviews: REVIEWS, files: documentsOf(reviews) });
    const schema = await project.run("schema");
    expect(schema.code, schema.stderr).toBe(0);
    const build = await project.run("build-editor", ["--out", "_editor"]);
    expect(build.code, build.stderr).toBe(0);
    server = await serveStatic(path.join(project.root, "_editor"));
    browser = await chromium.launch(chromeLaunchConfig());
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    consoleErrors = [];
    blockedFonts = [];
    // A font the policy blocks is a console error, with no request event: look for those.
    page.on("console", (message) => {
      if (/Loading the font .* violates/.test(message.text())) blockedFonts.push(message.text());
    });
    // Every error the page reports: a Content-Security-Policy violation (of this origin or another: Sveltia's update
    // check and GitHub's status page are answered in the page, admin/editor-boot.js), or any other.
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) =>
        console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    page.on("console", (message) => {
      // Not the robots.txt page opened to reach the origin's storage (its favicon.ico is not found): the editor's pages.
      if (message.type() === "error" && !page.url().endsWith("/robots.txt")) consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    await page.goto(`${server.url}/robots.txt`);
    await seedLocalRepository(page, { "_data/reviews.json": REVIEWS, "_data/site.json": JSON.stringify(site, null, 2) });
    await openReviewsInEditor(page, `${server.url}/`);
  });

  it("lists every review with how long it stays: each SCR the day it leaves the site, by the build's own rule", async () => {
    await expect.poll(() => bodyText(page), { timeout: 15_000 }).toContain(`${reviews.length} Reviews`);
    const shown = new Set<string>();
    for (const review of reviews) {
      // The editor works the lines out at the browser's date: today's, as here.
      const line = `${review.title} · ${leavingLine(review, site.retentionMonths, londonToday())} · published ${inWords(review.published)}`;
      if (!(await scrollTo(page, line)).includes(line)) throw new Error(`The editor's list does not show: ${line}`);
      shown.add(line);
    }
    expect(shown.size).toBe(reviews.length);
    // Child Hazel (SCR, published 2025-11-25) left on 2026-11-25, the day before these tests were written.
    expect(await scrollTo(page, "Child Hazel")).toContain("Child Hazel · SCR, left the site on 25 November 2026 · published 25 November 2025");
    // The editor's title names the list once, not "Case reviews › Case reviews".
    expect(await bodyText(page)).toContain("Case reviews › All reviews");
    expect(await bodyText(page)).not.toContain("Case reviews › Case reviews");
    // The icons are the site's own font, not a CDN's (blocked by the editor's policy): no icon names shown as words.
    expect(blockedFonts).toEqual([]);
    expect(await page.evaluate(() => document.fonts.check('24px "Material Symbols Outlined"'))).toBe(true);
    const iconFont = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].find((f) => f.family.includes("Material"))?.status;
    });
    expect(iconFont).toBe("loaded");
    await page.getByRole("button", { name: /Add.*review/ }).hover();
    await shot(page, "admin-1-list.png");
    await page.waitForLoadState("networkidle");
    expect(consoleErrors).toEqual([]);
  });

  it("refuses to save a review with no title or an impossible id, and leaves reviews.json as it was", async () => {
    await page.getByRole("button", { name: /Add.*review/ }).click();
    await page.getByRole("textbox", { name: /^Id/ }).first().fill("Child Z");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(async () => page.getByText(/lowercase letters a-z and digits/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(async () => page.getByText(/This field is required/i).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await shot(page, "admin-2-refused.png");
    expect(await readLocalFile(page, "_data/reviews.json")).toBe(REVIEWS);
  });

  /** Add a review at the top of the list, as a maintainer would: id, title, SCR, the first area, published, the date typed as the site writes it. */
  async function addReview(date: string): Promise<void> {
    await page.getByRole("button", { name: /Add.*review/ }).click();
    await page.getByRole("textbox", { name: /^Id/ }).first().fill("child-zara");
    await page.getByRole("textbox", { name: "Title", exact: true }).first().fill("Child Zara");
    await page.getByRole("radio", { name: /^SCR/ }).first().click();
    await page.getByRole("radio", { name: firstArea[1], exact: true }).first().click();
    await page.getByRole("radio", { name: "Published", exact: true }).first().click();
    await page
      .getByRole("textbox", { name: /^Date published/ })
      .first()
      .fill(date);
  }

  it("refuses an impossible date in the build's words, naming the review and field, and saves nothing", async () => {
    await addReview("30 February 2026");
    await watchDialogAndMessage(page);
    await page.getByRole("button", { name: "Save" }).click();
    // Sveltia CMS's own dialog says it, and after it is closed the message stays at the foot of the window, as an alert.
    const dialog = page.getByRole("dialog").or(page.getByRole("alertdialog")).filter({ hasText: "child-zara" });
    await expect.poll(async () => dialog.count(), { timeout: 15_000 }).toBe(1);
    expect(await seen(dialog)).toContain('review "child-zara", field "published"');
    await dialog.getByRole("button", { name: "OK" }).click();
    const alert = page.locator("#reviews-editor-problems");
    await expect.poll(async () => alert.count(), { timeout: 15_000 }).toBe(1);
    // Added only once the dialog had closed, so that it is announced (while the dialog is open, all else is hidden
    // from screen readers): never behind the open dialog, whenever it would have come.
    expect(await seenInOrder(page), "the order in which the dialog and the message came and went").toEqual(["dialog opened", "dialog closed", "message shown"]);
    expect(await alert.getAttribute("role")).toBe("alert");
    expect(await alert.isVisible()).toBe(true);
    const said = await seen(alert);
    expect(said).toContain(
      'Not saved. Please correct this and save again: 1 problem: 1. review "child-zara", field "published": "30 February 2026" is not a day that exists, written day month year; write it as the site does, e.g.',
    );
    expect(said).not.toMatch(/line \d|_data\/|reviews\.json|YYYY-MM-DD/);
    // The message hides neither the control the dialog gave the focus back to nor the Save button (WCAG 2.2, 2.4.11 focus not obscured).
    const hidden = await page.evaluate(() => {
      const box = document.getElementById("reviews-editor-problems")!;
      const save = [...document.querySelectorAll("button")].find((button) => button.textContent?.trim() === "Save");
      return [document.activeElement, save]
        .filter((element): element is Element => !!element && element !== document.body && !box.contains(element))
        .filter((element) => {
          const r = element.getBoundingClientRect();
          return box.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
        })
        .map((element) => element.outerHTML.slice(0, 80));
    });
    expect(hidden).toEqual([]);
    await shot(page, "admin-3-refused-date.png");
    expect(await readLocalFile(page, "_data/reviews.json")).toBe(REVIEWS);
  });

  it("adds a review and uploads its PDF in one form and one save, showing the day it leaves in words before saving; the result validates and builds", async () => {
    await addReview("20 November 2026");
    // The form in the officer's words: no JSON, no file of the project, no date format, no time zone.
    const form = await bodyText(page);
    expect(form).toContain("day month year, e.g. 20 November 2026");
    expect(form).not.toMatch(/\["|_data\/|site\.json|YYYY|\bUTC\b|markdown/);
    // Before anything is saved, the day it leaves, by the build's own rule, under its date, in words as the list says it.
    const leaving = page.locator('[data-mode="edit"] .reviews-editor-leaving').first();
    await expect
      .poll(async () => (await leaving.count()) && seen(leaving), { timeout: 15_000 })
      .toBe(
        `${leavingLine({ type: "SCR", published: "2026-11-20" }, site.retentionMonths, londonToday())}, by the site's rule (this review is new, not saved yet).`,
      );
    expect(await seen(leaving)).toContain("leaves the site on 20 November 2027");
    await leaving.scrollIntoViewIfNeeded();
    await shot(page, "admin-7-leaving-day.png");
    await page
      .getByRole("button", { name: /Add.*Document/i })
      .first()
      .click();
    await page
      .getByRole("combobox", { name: /Kind of document/ })
      .first()
      .click();
    await page.getByRole("option", { name: "Overview report", exact: true }).click();
    await page.getByRole("textbox", { name: "Document title" }).first().fill("Overview report");
    // The officer's own file name, with spaces and brackets: the editor saves it as a plain name.
    const pdf = Buffer.from(await makePdf({ tagged: true, title: "Child Zara: overview report", language: "en-GB", lines: ["Child Zara overview report"] }));
    const fileField = page.locator('[data-mode="edit"] section[data-key-path="reviews.0.documents.0.file"]').first();
    await fileField
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: "Child Zara Overview Report (final).pdf", mimeType: "application/pdf", buffer: pdf });
    const uploaded = "child-zara-overview-report-final.pdf";
    await expect.poll(() => seen(fileField), { timeout: 15_000 }).toContain(uploaded);
    await fileField.scrollIntoViewIfNeeded();
    await shot(page, "admin-4-new-review.png");
    await page.getByRole("button", { name: "Save" }).click();
    const added = {
      id: "child-zara",
      title: "Child Zara",
      type: "SCR",
      area: firstArea[0],
      status: "published",
      published: "2026-11-20",
      documents: [{ kind: "overview-report", title: "Overview report", file: uploaded }],
    };
    const expected = `${JSON.stringify([added, ...reviews], null, 2)}\n`;
    await expect.poll(async () => readLocalFile(page, "_data/reviews.json"), { timeout: 15_000 }).toBe(expected);
    // The upload is saved with it, in the uploads folder, as the officer's own bytes.
    expect(await readLocalBytes(page, `reviews/uploads/${uploaded}`)).toEqual(pdf);
    // Opened again, the saved review is first, with the day it leaves.
    await openReviewsInEditor(page, `${server.url}/`);
    const line = `Child Zara · ${leavingLine(added, site.retentionMonths, londonToday())} · published 20 November 2026`;
    expect(line).toContain("SCR, leaves the site on 20 November 2027");
    await expect.poll(() => bodyText(page), { timeout: 15_000 }).toContain(line);
    await shot(page, "admin-5-saved.png");
    await page.waitForLoadState("networkidle");
    expect(consoleErrors).toEqual([]);

    // What the save wrote, as the commit would carry it: the build publishes the upload at the review's own address.
    project.writeReviews(expected);
    mkdirSync(path.join(project.root, "reviews", "uploads"), { recursive: true });
    writeFileSync(path.join(project.root, "reviews", "uploads", uploaded), (await readLocalBytes(page, `reviews/uploads/${uploaded}`))!);
    const validate = await project.run("validate", [], { BUILD_DATE });
    expect(validate.code, validate.stderr).toBe(0);
    const build = await project.run("build", [], { BUILD_DATE });
    expect(build.code, build.stderr).toBe(0);
    expect(project.read("index.html")).toContain('href="/reviews/child-zara/"');
    expect(project.read("reviews/child-zara/index.html")).toContain(`href="/reviews/child-zara/${uploaded}"`);
    expect(readFileSync(path.join(project.root, "_site", "reviews", "child-zara", uploaded))).toEqual(pdf);
    expect(project.exists(`reviews/uploads/${uploaded}`)).toBe(false);
  });

  it("shows a re-dated SCR's new leaving day in words under its date as typed, none under a review whose date is only written another way, and no day for a date that cannot be read", async () => {
    const scr = reviews.find((review) => review.type === "SCR" && typeof review.published === "string")!;
    const published = scr.published as string;
    const line = `${scr.title} · ${leavingLine(scr, site.retentionMonths, londonToday())}`;
    await scrollTo(page, line);
    const expand = page.getByRole("group").filter({ hasText: line }).last().getByRole("button", { name: "Expand" }).first();
    const body = page.locator(`[id="${await expand.getAttribute("aria-controls")}"]`);
    await expand.click();
    const date = body.getByRole("textbox", { name: /^Date published/ });
    await body.getByRole("textbox", { name: "Title", exact: true }).hover();
    // Sveltia CMS renders a review's fields as they scroll into view.
    for (let step = 0; step < 60 && (await date.count()) === 0; step++) {
      await page.mouse.wheel(0, 200);
      await page.waitForTimeout(50);
    }
    // The form shows the saved date in words; the file holds YYYY-MM-DD: the same day, so not re-dated.
    expect(await date.inputValue()).toBe(readableDate(published));
    expect(await body.locator(".reviews-editor-leaving").count()).toBe(0);
    // Published a year later than it was, typed in words: it stays a year longer.
    const later = `${Number(published.slice(0, 4)) + 1}${published.slice(4)}`;
    await date.fill(readableDate(later));
    const leaving = body.locator(".reviews-editor-leaving");
    const redated = `${leavingLine({ type: "SCR", published: later }, site.retentionMonths, londonToday())}, by the site's rule (this review is re-dated, not saved yet).`;
    expect(redated).toMatch(/ the site on \d{1,2} [A-Z][a-z]+ \d{4}, by/);
    await expect.poll(async () => (await leaving.count()) && seen(leaving), { timeout: 15_000 }).toBe(redated);
    expect(await leaving.getAttribute("role")).toBe("status");
    // A day that does not exist gives no day, but says the date cannot be read.
    await date.fill(`30 February ${later.slice(0, 4)}`);
    await expect.poll(async () => (await leaving.count()) && seen(leaving), { timeout: 15_000 }).toMatch(/^The date published cannot be read/);
    expect(await seen(leaving)).not.toMatch(/leaves the site on|left the site on/);
    // Its own date again, written day/month/year: as saved, so the line goes.
    await date.fill(`${published.slice(8)}/${published.slice(5, 7)}/${published.slice(0, 4)}`);
    await expect.poll(async () => leaving.count(), { timeout: 15_000 }).toBe(0);
  });

  it("names a file already uploaded, chosen in the form, by its name alone, as the build looks for it", async () => {
    await seedLocalRepository(page, {
      "_data/reviews.json": REVIEWS,
      "_data/site.json": JSON.stringify(site, null, 2),
      "reviews/uploads/shared-briefing.pdf": "%PDF-1.4 a briefing",
    });
    await openReviewsInEditor(page, `${server.url}/`);
    await addReview("20/11/2026");
    await page
      .getByRole("button", { name: /Add.*Document/i })
      .first()
      .click();
    await page
      .getByRole("combobox", { name: /Kind of document/ })
      .first()
      .click();
    await page.getByRole("option", { name: "Briefing", exact: true }).click();
    await page.getByRole("textbox", { name: "Document title" }).first().fill("Shared briefing");
    const fileField = page.locator('[data-mode="edit"] section[data-key-path="reviews.0.documents.0.file"]').first();
    await fileField.getByRole("button", { name: "Browse" }).click();
    const dialog = page.getByRole("dialog").filter({ hasText: "shared-briefing.pdf" });
    // Documents only: no stock photo libraries, which would call other sites.
    expect(await seen(dialog)).not.toMatch(/Pexels|Unsplash|Pixabay|Picsum/);
    await dialog.getByText("shared-briefing.pdf").first().click();
    await dialog.getByRole("button", { name: "Insert" }).click();
    // Saved only once the field holds the chosen file (a save straight after Insert could come first).
    await expect.poll(() => seen(fileField), { timeout: 15_000 }).toContain("shared-briefing.pdf");
    await page.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(async () => JSON.parse((await readLocalFile(page, "_data/reviews.json")) ?? "[]")[0]?.documents, { timeout: 15_000 })
      .toEqual([{ kind: "briefing", title: "Shared briefing", file: "shared-briefing.pdf" }]);
  });

  it("removes a review only once asked, saying what happens: saved without it, every other review as it was", async () => {
    const gone = reviews[1]!;
    const line = `${gone.title} · ${leavingLine(gone, site.retentionMonths, londonToday())}`;
    await scrollTo(page, line);
    const remove = page.getByRole("group").filter({ hasText: line }).last().getByRole("button", { name: "Remove" }).first();
    const asked: string[] = [];
    // Asked, and answered "Cancel": nothing is removed.
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await remove.click();
    await expect.poll(() => asked.length, { timeout: 15_000 }).toBe(1);
    expect(asked[0]).toContain(`Remove "${gone.title as string}" from the list of case reviews?`);
    expect(asked[0]).toContain("Once you save, its page and its documents leave the public site at the next nightly build");
    expect(await bodyText(page)).toContain(`${reviews.length} Reviews`);
    // Asked again, and answered "OK".
    page.once("dialog", (dialog) => void dialog.accept());
    await remove.click();
    await expect.poll(() => bodyText(page), { timeout: 15_000 }).toContain(`${reviews.length - 1} Reviews`);
    await page.getByRole("button", { name: "Save" }).click();
    const expected = `${JSON.stringify(
      reviews.filter((review) => review !== gone),
      null,
      2,
    )}\n`;
    await expect.poll(async () => readLocalFile(page, "_data/reviews.json"), { timeout: 15_000 }).toBe(expected);
  });

  it("edits an SCR: its line shows the day it leaves, and only that review changes in the file", async () => {
    // A file kept by hand: one summary with spaces around it, an empty list, fields in another order. The editor
    // would tidy all of these; a save must change only the review the maintainer changed.
    const untidy = reviews.map((review, i) =>
      i === 0
        ? Object.fromEntries([
            ["summary", `  ${(review.summary as string | undefined) ?? "A summary"}\n`],
            ...Object.entries(review).filter(([key]) => key !== "summary" && key !== "themes"),
            ["themes", []],
          ])
        : i === 1
          ? { ...review, summary: `${(review.summary as string | undefined) ?? "Another"}  ` }
          : review,
    );
    const untidyText = `${JSON.stringify(untidy, null, 2)}\n`;
    await seedLocalRepository(page, { "_data/reviews.json": untidyText, "_data/site.json": JSON.stringify(site, null, 2) });
    await openReviewsInEditor(page, `${server.url}/`);
    const scr = untidy.find((review) => review.type === "SCR" && typeof review.published === "string")!;
    const line = `${scr.title} · ${leavingLine(scr, site.retentionMonths, londonToday())}`;
    await scrollTo(page, line);
    const expand = page.getByRole("group").filter({ hasText: line }).last().getByRole("button", { name: "Expand" }).first();
    const body = page.locator(`[id="${await expand.getAttribute("aria-controls")}"]`);
    await expand.click();
    const title = body.getByRole("textbox", { name: "Title", exact: true });
    await title.fill(`${scr.title as string} (revised)`);
    await shot(page, "admin-6-edit-scr.png");
    await page.getByRole("button", { name: "Save" }).click();
    const expected = `${JSON.stringify(
      untidy.map((review) => (review === scr ? { ...review, title: `${scr.title as string} (revised)` } : review)),
      null,
      2,
    )}\n`;
    await expect.poll(async () => readLocalFile(page, "_data/reviews.json"), { timeout: 15_000 }).toBe(expected);
  });
});
