import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { linkTarget, newBuildDir, outputLayout, publishBuild, rollback } from "../src/publish.ts";

async function build(layout: ReturnType<typeof outputLayout>, content: string): Promise<string> {
  const dir = await newBuildDir(layout, "test");
  writeFileSync(path.join(dir, "index.html"), content);
  return dir;
}

describe("publishing a build", () => {
  it("points the output at the new build and keeps the one before as .previous", async () => {
    const layout = outputLayout(path.join(mkdtempSync(path.join(tmpdir(), "lr-pub-")), "_site"));
    const first = await build(layout, "one");
    await publishBuild(layout, first);
    expect(lstatSync(layout.out).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(layout.out, "index.html"), "utf8")).toBe("one");
    expect(existsSync(layout.previous)).toBe(false);

    const second = await build(layout, "two");
    const { previous } = await publishBuild(layout, second);
    expect(previous).toBe(first);
    expect(readFileSync(path.join(layout.out, "index.html"), "utf8")).toBe("two");
    expect(readFileSync(path.join(layout.previous, "index.html"), "utf8")).toBe("one");

    const third = await build(layout, "three");
    await publishBuild(layout, third);
    // Only the live build and the one before are kept.
    expect(readdirSync(layout.builds).sort()).toEqual([path.basename(second), path.basename(third)].sort());
  });

  it("adopts a plain output folder left from before, so it can be rolled back to", async () => {
    const layout = outputLayout(path.join(mkdtempSync(path.join(tmpdir(), "lr-pub-")), "_site"));
    mkdirSync(layout.out);
    writeFileSync(path.join(layout.out, "index.html"), "old");
    await publishBuild(layout, await build(layout, "new"));
    expect(readFileSync(path.join(layout.out, "index.html"), "utf8")).toBe("new");
    expect(readFileSync(path.join(layout.previous, "index.html"), "utf8")).toBe("old");
  });

  it("removes half-made builds left by a killed run", async () => {
    const layout = outputLayout(path.join(mkdtempSync(path.join(tmpdir(), "lr-pub-")), "_site"));
    const abandoned = await build(layout, "half");
    const good = await build(layout, "good");
    await publishBuild(layout, good);
    expect(existsSync(abandoned)).toBe(false);
  });

  it("rolls back to the previous build and forward again", async () => {
    const layout = outputLayout(path.join(mkdtempSync(path.join(tmpdir(), "lr-pub-")), "_site"));
    await expect(rollback(layout)).rejects.toThrow(/no previous build/);
    const first = await build(layout, "one");
    await publishBuild(layout, first);
    const second = await build(layout, "two");
    await publishBuild(layout, second);
    await rollback(layout);
    expect(await linkTarget(layout.out)).toBe(first);
    expect(await linkTarget(layout.previous)).toBe(second);
    await rollback(layout);
    expect(readFileSync(path.join(layout.out, "index.html"), "utf8")).toBe("two");
  });
});
