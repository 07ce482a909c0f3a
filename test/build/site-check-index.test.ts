/**
 * checkBuiltSite reading a real Pagefind index, which Pagefind's binary writes
 * (a child process), so here and not in test/unit/checks/site-check.test.ts.
 */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSearchIndex } from "../../src/eleventy/search-index.ts";
import { buildCatalogue } from "../../src/catalogue/index.ts";
import { checkBuiltSite } from "../../src/checks/site-check.ts";
import type { SiteSettings } from "../../src/model/site-settings.ts";
import type { Review } from "../../src/model/review.ts";
import { fixtureSite } from "../helpers/site.ts";
import { temporaryFolder } from "../helpers/temporary.ts";

function review(id: string, type: "CSPR" | "SCR", published: string): Review {
  return { id, title: id, type, area: "northshire", status: "published", published, themes: [], documents: [] };
}

function builtSite(files: Record<string, string>): string {
  const dir = temporaryFolder("lr-check-");
  chmodSync(dir, 0o755);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe("checkBuiltSite's check of the search index, on an index Pagefind wrote", () => {
  const reviewPage = (title: string) =>
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>Text about ${title}.</p></main></body></html>`;
  const catalogue = buildCatalogue(
    [review("kept", "CSPR", "2024-01-01"), review("gone", "SCR", "2020-01-01")],
    fixtureSite() as unknown as SiteSettings,
    "2026-11-26",
  );

  it("reads the index itself: a removed review's page in it, or a listed page missing from it, is a problem", async () => {
    const files = {
      "reviews/kept/index.html": reviewPage("kept"),
      "reviews/gone/index.html": `<!doctype html><html><head><meta name="robots" content="noindex"></head><body>removed</body></html>`,
    };
    const good = builtSite(files);
    await buildSearchIndex(good, { pageUrls: ["/reviews/kept/"], records: [] });
    expect(checkBuiltSite(good, catalogue)).toEqual([]);

    // Pagefind given the removal notice too (as it would index every page when none is marked): the check reads it from the index.
    const leaky = builtSite({ ...files, "reviews/gone/index.html": reviewPage("gone").replace("<head>", '<head><meta name="robots" content="noindex">') });
    await buildSearchIndex(leaky, { pageUrls: ["/reviews/kept/", "/reviews/gone/"], records: [] });
    expect(checkBuiltSite(leaky, catalogue)).toEqual([
      "reviews/gone/index.html would be indexed for search, but the review is not listed.",
      "The search index holds /reviews/gone/, which is not the page or a document of a listed review.",
    ]);

    const missing = builtSite(files);
    await buildSearchIndex(missing, { pageUrls: [], records: [] });
    expect(checkBuiltSite(missing, catalogue)).toEqual(["The listed review page or document /reviews/kept/ is not in the search index."]);
  });
});
