import { describe, expect, it } from "vitest";
import { DataError } from "../../../src/model/problems.ts";
import { type Harvest, harvestAt, harvestSources } from "../../../src/sources/harvest.ts";
import { parseHarvest, serialiseHarvest } from "../../../src/sources/harvest-file.ts";
import { feedOf, feedRecord, sourceNamed } from "../../helpers/hand-made-feeds.ts";

const north = sourceNamed("northshire");
const south = sourceNamed("southvale", { site: "https://southvale.example.org" });
const TODAY = "2026-11-26";

async function aHarvest(): Promise<Harvest> {
  const feeds: Record<string, string> = {
    [north.feed]: feedOf("northshire", [
      feedRecord("northshire", "scr", { type: "SCR", published: "2025-11-30", leaves: "2026-11-30", title: '<b>"Child" & co</b>' }),
      feedRecord("northshire", "cspr", { published: null }),
    ]),
  };
  return harvestSources([north, south], {
    today: TODAY,
    fetchFeed: async (address) => (feeds[address] ? { ok: true, body: new TextEncoder().encode(feeds[address]) } : { ok: false, problem: "down" }),
  });
}

function problemsOf(text: string): string[] {
  try {
    parseHarvest(text, "harvest.json");
  } catch (error) {
    if (error instanceof DataError) return error.problems.map((p) => `${p.field ?? ""}: ${p.message}`);
    throw error;
  }
  return [];
}

describe("harvest.json", () => {
  it("reads back the harvest it was written from, and harvestAt applies the dates to it again", async () => {
    const harvest = await aHarvest();
    const back = parseHarvest(serialiseHarvest(harvest), "harvest.json");
    expect(back).toEqual(harvest);
    expect(harvestAt(back, "2026-11-30").records.map((r) => r.key)).toEqual(["northshire/cspr"]);
  });

  it("refuses a file that is not JSON, naming the file", () => {
    expect(() => parseHarvest("<html>", "harvest.json")).toThrow(/harvest\.json|not JSON/);
  });

  it("refuses a record keyed as another source's review, or of a source the harvest does not have", async () => {
    const harvest = await aHarvest();
    const [first] = harvest.records;
    const claims = { ...harvest, records: [{ ...first!, key: "southvale/scr" }] };
    expect(problemsOf(serialiseHarvest(claims)).join("\n")).toContain("southvale/scr");
    const stranger = { ...harvest, records: [{ ...first!, source: "eastmoor", key: `eastmoor/${first!.id}` }] };
    expect(problemsOf(serialiseHarvest(stranger)).join("\n")).toContain("eastmoor");
  });

  it("refuses a record given twice, and a source given twice", async () => {
    const harvest = await aHarvest();
    expect(problemsOf(serialiseHarvest({ ...harvest, records: [...harvest.records, harvest.records[0]!] })).join("\n")).toContain("more than once");
    expect(problemsOf(serialiseHarvest({ ...harvest, sources: [...harvest.sources, harvest.sources[0]!] })).join("\n")).toContain("more than once");
  });

  it("refuses records of a source the harvest says lists none of them (never read, or dropped)", async () => {
    const harvest = await aHarvest();
    const sources = harvest.sources.map((s) => (s.source.id === "northshire" ? { ...s, state: "dropped" as const } : s));
    expect(problemsOf(serialiseHarvest({ ...harvest, sources })).join("\n")).toContain("dropped");
  });

  it("refuses a state it does not know", async () => {
    const harvest = await aHarvest();
    const text = serialiseHarvest(harvest).replace('"state": "read"', '"state": "fine"');
    expect(problemsOf(text).join("\n")).toMatch(/state/);
  });
});
