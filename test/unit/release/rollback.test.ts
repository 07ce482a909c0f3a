import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { publishBuild } from "../../../src/release/publish.ts";
import { rollbackSite } from "../../../src/release/rollback.ts";
import { finishedBuild, tempLayout } from "../../helpers/builds.ts";
import { PROJECT_ROOT } from "../../helpers/site.ts";

// A rollback writes to the output as a build does, so it refuses what a build refuses before it reads anything.
describe("a rollback over an output it may not replace", () => {
  it("refuses a live output that is a folder this site's build did not make, with the build's message, and moves nothing", async () => {
    const layout = tempLayout();
    await publishBuild(layout, await finishedBuild(layout, "one"));
    await publishBuild(layout, await finishedBuild(layout, "two"));
    // Somebody put a web root of their own where the link was.
    rmSync(layout.out);
    mkdirSync(layout.out);
    writeFileSync(path.join(layout.out, "index.html"), "somebody else's site");
    const rollback = rollbackSite({ root: PROJECT_ROOT, out: layout.out, today: "2026-11-26", log: () => {} });
    await expect(rollback).rejects.toThrow(/is a folder that this site's build did not make .* so it will not be replaced/);
    expect(readFileSync(path.join(layout.out, "index.html"), "utf8")).toBe("somebody else's site");
    expect(readFileSync(path.join(layout.previous, "index.html"), "utf8")).toBe("one");
  });

  it("refuses a .previous that is a plain folder, saying so, rather than that there is no previous build", async () => {
    const layout = tempLayout();
    await publishBuild(layout, await finishedBuild(layout, "one"));
    await publishBuild(layout, await finishedBuild(layout, "two"));
    const kept = path.join(path.dirname(layout.out), "kept");
    renameSync(layout.previous, kept);
    mkdirSync(layout.previous);
    const rollback = rollbackSite({ root: PROJECT_ROOT, out: layout.out, today: "2026-11-26", log: () => {} });
    await expect(rollback).rejects.toThrow(/_site\.previous should be a link to the previous build, but it is a folder/);
    expect(readFileSync(path.join(layout.out, "index.html"), "utf8")).toBe("two");
  });
});
