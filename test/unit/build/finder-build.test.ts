import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { harvestSummary, keptHarvest, readPreviousHarvest } from "../../../src/build/finder-build.ts";
import type { Harvest } from "../../../src/sources/harvest.ts";
import { serialiseHarvest } from "../../../src/sources/harvest-file.ts";
import { temporaryFolder } from "../../helpers/temporary.ts";

const HARVEST: Harvest = {
  date: "2026-11-26",
  sources: [
    {
      source: { id: "north", name: "North", feed: "https://north.example.org/reviews.json" },
      state: "read",
      lastRead: "2026-11-26",
      listed: 0,
      problems: [],
      dropped: [],
    },
  ],
  records: [],
};

describe("the harvests a finder's build reads back", () => {
  it("reads the live build's harvest as the night's previous one; none when there is no file", async () => {
    const dir = temporaryFolder("lr-harvest-");
    const file = path.join(dir, "harvest.json");
    writeFileSync(file, serialiseHarvest(HARVEST));
    const log: string[] = [];
    expect(await readPreviousHarvest(file, (line) => log.push(line))).toEqual(HARVEST);
    expect(await readPreviousHarvest(path.join(dir, "missing.json"), (line) => log.push(line))).toBeNull();
    expect(await readPreviousHarvest(undefined, (line) => log.push(line))).toBeNull();
    expect(log).toEqual([]);
  });

  it("goes on without a previous harvest that is not as a harvest is written, saying so and naming the file", async () => {
    const file = path.join(temporaryFolder("lr-harvest-"), "harvest.json");
    writeFileSync(file, JSON.stringify({ ...HARVEST, records: [{ id: "<script>" }] }));
    const log: string[] = [];
    expect(await readPreviousHarvest(file, (line) => log.push(line))).toBeNull();
    expect(log).toHaveLength(1);
    expect(log[0]).toContain(file);
    expect(log[0]).toContain("no source's last good records stand in tonight");
  });

  it("reads a kept build's harvest for a rebuild, none for a partnership's build, and refuses one that is not JSON", async () => {
    const dir = temporaryFolder("lr-harvest-");
    expect(await keptHarvest(dir)).toBeUndefined();
    writeFileSync(path.join(dir, "harvest.json"), serialiseHarvest(HARVEST));
    expect(await keptHarvest(dir)).toEqual(HARVEST);
    writeFileSync(path.join(dir, "harvest.json"), "{");
    await expect(keptHarvest(dir)).rejects.toThrow(/harvest\.json/);
  });
});

describe("what npm start says of a finder's harvest", () => {
  const north = HARVEST.sources[0]!;
  const unread = (id: string, name: string, state: "kept" | "dropped" | "never", message: string) => ({
    ...north,
    source: { id, name, feed: `https://${id}.example.org/reviews.json` },
    state,
    lastRead: null,
    problems: [{ file: `source "${id}" (https://${id}.example.org/reviews.json)`, message }],
  });

  it("counts the sources read and the reviews listed, and names nothing else when every source was read cleanly", () => {
    expect(harvestSummary({ ...HARVEST, sources: [{ ...north, listed: 0 }] })).toEqual(["Read 1 of 1 source for the preview: 0 reviews listed."]);
  });

  it("names each source it could not read, with its feed and why, and says the preview goes on without it", () => {
    const lines = harvestSummary({
      ...HARVEST,
      sources: [
        north,
        unread("holt", "Holt <Partnership>", "never", "it did not answer in 30 seconds."),
        unread("wold", "Wold", "kept", "its feed is not JSON."),
      ],
    });
    expect(lines[0]).toBe("Read 1 of 3 sources for the preview: 0 reviews listed.");
    expect(lines.slice(1)).toEqual([
      'Source not read: Holt <Partnership>: source "holt" (https://holt.example.org/reviews.json): it did not answer in 30 seconds. The preview goes on without its reviews; restart npm start to read the sources again.',
      'Source not read: Wold: source "wold" (https://wold.example.org/reviews.json): its feed is not JSON. The preview goes on without its reviews; restart npm start to read the sources again.',
    ]);
  });

  it("names a source read with problems in its records, the first of them, and how many more /sources/ lists", () => {
    const problems = [1, 2, 3].map((n) => ({ file: 'source "north"', review: `child-${n}`, field: "title", message: "it is empty." }));
    const [, line] = harvestSummary({ ...HARVEST, sources: [{ ...north, problems }] });
    expect(line).toBe('Source read with 3 problems: North: source "north", child-1, field "title": it is empty. (and 2 more: see /sources/)');
  });
});
