/**
 * Content check: every page of the site this repository's data makes (or the
 * project's at CONTENT_ROOT), at today's build date or BUILD_DATE, is within the page-weight budget.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
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
    const weights = weighPages(siteDir);
    const pages = (readdirSync(siteDir, { recursive: true }) as string[]).filter((file) => file.endsWith(".html") && !file.startsWith("admin/"));
    expect(weights.map((w) => w.page).sort()).toEqual(pages.sort());
    expect(weights.length).toBeGreaterThan(0);
    const overBudget = weights.filter((w) => w.problems.length).map((w) => `${w.page}: ${w.problems.join("; ")}`);
    expect(overBudget).toEqual([]);
    const heaviest = weights.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
    expect(heaviest.gzipBytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });
});
