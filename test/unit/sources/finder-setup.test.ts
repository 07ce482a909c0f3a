import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentPaths } from "../../../src/content/paths.ts";
import { DataError } from "../../../src/model/problems.ts";
import { finderSources, isFinder, readFinderInput } from "../../../src/sources/finder-setup.ts";
import { type Harvest, harvestAt } from "../../../src/sources/harvest.ts";
import type { SourceRecord } from "../../../src/sources/source-feed.ts";
import { finderSite } from "../../helpers/finder.ts";
import { temporaryFolder } from "../../helpers/temporary.ts";

function project(files: Record<string, unknown>): string {
  const root = temporaryFolder("lr-finder-unit-");
  mkdirSync(path.join(root, "_data"));
  for (const [name, value] of Object.entries(files)) writeFileSync(path.join(root, "_data", name), typeof value === "string" ? value : JSON.stringify(value));
  return root;
}

const SOURCE = { id: "north", name: "North", feed: "https://north.example.org/reviews.json" };

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error.problems.map((p) => `${p.file}${p.review ? ` ${p.review}` : ""}${p.field ? ` ${p.field}` : ""}: ${p.message}`);
    throw error;
  }
  return [];
}

describe("a finder's own files", () => {
  it("is a finder only when _data/sources.json exists", () => {
    expect(isFinder(project({ "sources.json": [SOURCE] }))).toBe(true);
    expect(isFinder(project({ "reviews.json": [] }))).toBe(false);
  });

  it("reads its sources, and names the source and field of each that is wrong", () => {
    expect(finderSources(project({ "sources.json": [SOURCE] }))).toEqual([SOURCE]);
    const wrong = problemsOf(() => finderSources(project({ "sources.json": [SOURCE, { ...SOURCE, id: "south", feed: "http://south.example.org/f.json" }] })));
    expect(wrong.join("\n")).toMatch(/_data\/sources.json source "south" feed: expected an address starting https:\/\//);
    expect(problemsOf(() => finderSources(project({ "sources.json": [] })))[0]).toContain("it lists no sources");
    expect(problemsOf(() => finderSources(project({ "sources.json": "[{" })))[0]).toContain("_data/sources.json");
  });

  it("takes the region's site.json without areas, and an empty or missing reviews.json", () => {
    const root = project({ "site.json": finderSite(), "reviews.json": [] });
    const input = readFinderInput(contentPaths(root), "2026-11-26", 1, {});
    expect(input.site.partnership.name).toBe("Northern Region Safeguarding Children Partnerships");
    expect(input.site.areas).toEqual({});
    expect(input.reviews).toEqual([]);
    expect(readFinderInput(contentPaths(project({ "site.json": finderSite() })), "2026-11-26", 1, {}).reviews).toEqual([]);
  });

  it("refuses a reviews.json that lists reviews, saying a finder lists other sites' reviews and what to do", () => {
    const root = project({ "site.json": finderSite(), "reviews.json": [{ id: "child-a" }, { id: "child-b" }] });
    const [problem, ...more] = problemsOf(() => readFinderInput(contentPaths(root), "2026-11-26", 3, {}));
    expect(more).toEqual([]);
    expect(problem).toContain("_data/reviews.json: this site is a finder (_data/sources.json lists 3 sources)");
    expect(problem).toContain("its own reviews.json must be [] (an empty list), but it lists 2 reviews");
    expect(problemsOf(() => readFinderInput(contentPaths(project({ "site.json": finderSite(), "reviews.json": {} })), "2026-11-26", 1, {}))[0]).toContain(
      "it is not an empty list",
    );
  });

  it("still checks the rest of site.json as a partnership's", () => {
    const { url: _url, ...noUrl } = finderSite();
    const problems = problemsOf(() => readFinderInput(contentPaths(project({ "site.json": noUrl, "reviews.json": [] })), "2026-11-26", 1, {}));
    expect(problems.join("\n")).toContain("_data/site.json url");
  });
});

const scr = (id: string, published: string, leaves: string): SourceRecord =>
  ({ id, key: `north/${id}`, source: "north", type: "SCR", published, leaves }) as SourceRecord;

describe("a kept harvest as at a later date (harvestAt, as a finder rebuild uses it)", () => {
  const harvest: Harvest = {
    date: "2026-11-26",
    sources: [{ source: SOURCE, state: "read", lastRead: "2026-11-26", listed: 3, problems: [], dropped: [] }],
    records: [
      scr("family-a", "2025-12-01", "2026-12-01"),
      scr("family-b", "2025-12-02", "2026-12-02"),
      { ...scr("child-c", "2026-01-01", "2026-01-01"), type: "CSPR", leaves: null },
    ],
  };

  it("drops each SCR on its leaving day, not before, and counts what stays", () => {
    const later = harvestAt(harvest, "2026-12-01");
    expect(later.date).toBe("2026-12-01");
    expect(later.records.map((r) => r.id)).toEqual(["child-c", "family-b"]);
    expect(later.sources[0]!.listed).toBe(2);
    expect(later.sources[0]!.dropped).toEqual([{ key: "north/family-a", reason: expect.stringContaining("its period ended on 2026-12-01 (by 2026-12-01)") }]);
    expect(harvestAt(harvest, "2026-11-30").records).toHaveLength(3);
  });

  it("leaves the harvest it was given as it was", () => {
    harvestAt(harvest, "2027-01-01");
    expect(harvest.records).toHaveLength(3);
    expect(harvest.sources[0]!.dropped).toEqual([]);
  });
});
