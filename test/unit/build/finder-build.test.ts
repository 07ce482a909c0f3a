import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keptHarvest, readPreviousHarvest } from "../../../src/build/finder-build.ts";
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
