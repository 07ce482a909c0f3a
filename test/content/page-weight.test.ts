/**
 * Content check: every page of the site this repository's data makes (or the
 * project's at CONTENT_ROOT), at today's build date or BUILD_DATE, is within the page-weight budget.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { pathPrefix } from "../../src/catalogue/addresses.ts";
import { PAGE_BUDGET_BYTES, weighPages } from "../../tools/page-weight.ts";
import { runScript } from "../helpers/run-script.ts";
import { CONTENT_ROOT } from "../helpers/site.ts";
import { temporaryFolder } from "../helpers/temporary.ts";

describe(`page weight of the site built from ${CONTENT_ROOT}`, () => {
  let siteDir: string;
  beforeAll(async () => {
    siteDir = path.join(temporaryFolder("lr-content-"), "_site");
    const build = await runScript(CONTENT_ROOT, "build", ["--out", siteDir]);
    expect(build.code, build.stderr).toBe(0);
  });

  it("keeps every page, with its CSS, within 14 KB gzip-compressed, with one same-origin stylesheet, no blocking script and no web font", () => {
    // A site served under a path (https://example.org/review) links to /review/assets/site.css.
    const { url } = JSON.parse(readFileSync(path.join(CONTENT_ROOT, "_data", "site.json"), "utf8")) as { url: string };
    const weights = weighPages(siteDir, PAGE_BUDGET_BYTES, pathPrefix(url));
    const pages = (readdirSync(siteDir, { recursive: true }) as string[]).filter((file) => file.endsWith(".html") && !file.startsWith("admin/"));
    expect(weights.map((w) => w.page).sort()).toEqual(pages.sort());
    expect(weights.length).toBeGreaterThan(0);
    const overBudget = weights.filter((w) => w.problems.length).map((w) => `${w.page}: ${w.problems.join("; ")}`);
    expect(overBudget).toEqual([]);
    const heaviest = weights.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
    expect(heaviest.gzipBytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });
});
