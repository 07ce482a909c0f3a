/**
 * Every page that says how long SCRs stay says the partnership's own
 * `retentionMonths`, worded for one month as for many.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureProject } from "../helpers/fixture-project.ts";
import { fixtureSite } from "../helpers/site.ts";

const reviews = [
  // At 2026-11-26 with 1 month: listed until 2026-12-10; removed on 2026-11-20.
  { id: "scr-listed", title: "Child Listed", type: "SCR", area: "northshire", status: "withheld", published: "2026-11-10" },
  { id: "scr-gone", title: "Child Gone", type: "SCR", area: "southvale", status: "withheld", published: "2026-10-20" },
];

describe("a partnership that keeps SCRs for 1 month", () => {
  it("says '1 month' (never '1 months' or '12 months') on every page and in the editor's settings", async () => {
    const site = fixtureProject({ site: { ...fixtureSite(), retentionMonths: 1 }, reviews });
    const schema = await site.run("schema");
    expect(schema.code, schema.stderr).toBe(0);
    const build = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(build.code, build.stderr).toBe(0);
    expect(site.read("index.html")).toContain("stay on this site for 1 month after they are published");
    expect(site.read("reviews/scr-listed/index.html")).toMatch(/Serious Case Reviews stay for 1 month\)/);
    expect(site.read("reviews/scr-gone/index.html")).toContain("at the end of its 1-month publication period");
    expect(site.read("open-data/index.html")).toContain("after 1 month.");
    // The editor is built apart from the public site; its settings are the project's own admin/config.yml.
    const editorSettings = readFileSync(path.join(site.root, "admin", "config.yml"), "utf8");
    expect(editorSettings).toContain("An SCR leaves the site 1 month after its publication date");
    const texts = site.files().filter((file) => /\.(html|xml|json|csv|txt|yml)$/.test(file));
    expect(editorSettings).not.toMatch(/\b12[- ]months?\b|\btwelve\b/i);
    expect(texts.filter((file) => /\b1 months\b|\b12[- ]months?\b|\btwelve\b/i.test(site.read(file)))).toEqual([]);
  });
});
