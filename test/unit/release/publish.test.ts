import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { linkTarget, publishBuild, swapWithPrevious } from "../../../src/release/publish.ts";
import { checkDates } from "../../../src/release/publish-site.ts";
import { MARKER } from "../../../src/build/build-record.ts";
import { finishedBuild, tempLayout } from "../../helpers/builds.ts";

describe("publishing a build", () => {
  it("points the output at the new build and keeps the one before as .previous", async () => {
    const layout = tempLayout();
    const first = await finishedBuild(layout, "one");
    await publishBuild(layout, first);
    expect(lstatSync(layout.out).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(layout.out, "index.html"), "utf8")).toBe("one");
    expect(existsSync(layout.previous)).toBe(false);

    const second = await finishedBuild(layout, "two");
    const { previous } = await publishBuild(layout, second);
    expect(previous).toBe(first.site);
    expect(readFileSync(path.join(layout.out, "index.html"), "utf8")).toBe("two");
    expect(readFileSync(path.join(layout.previous, "index.html"), "utf8")).toBe("one");

    const third = await finishedBuild(layout, "three");
    await publishBuild(layout, third);
    // Only the live build and the one before are kept.
    expect(readdirSync(layout.builds).sort()).toEqual([path.basename(second.dir), path.basename(third.dir)].sort());
  });

  it("adopts a plain output folder that an earlier build made, so it can be rolled back to", async () => {
    const layout = tempLayout();
    mkdirSync(layout.out);
    writeFileSync(path.join(layout.out, "index.html"), "old");
    writeFileSync(path.join(layout.out, MARKER), "");
    await publishBuild(layout, await finishedBuild(layout, "new"));
    expect(readFileSync(path.join(layout.out, "index.html"), "utf8")).toBe("new");
    expect(readFileSync(path.join(layout.previous, "index.html"), "utf8")).toBe("old");
  });

  it("removes half-made builds left by a killed run", async () => {
    const layout = tempLayout();
    const abandoned = await finishedBuild(layout, "half");
    const good = await finishedBuild(layout, "good");
    await publishBuild(layout, good);
    expect(existsSync(abandoned.dir)).toBe(false);
  });

  it("swaps with the previous build and back", async () => {
    const layout = tempLayout();
    await expect(swapWithPrevious(layout)).rejects.toThrow(/no previous build/);
    const first = await finishedBuild(layout, "one");
    await publishBuild(layout, first);
    const second = await finishedBuild(layout, "two");
    await publishBuild(layout, second);
    await swapWithPrevious(layout);
    expect(await linkTarget(layout.out)).toBe(first.site);
    expect(await linkTarget(layout.previous)).toBe(second.site);
    await swapWithPrevious(layout);
    expect(readFileSync(path.join(layout.out, "index.html"), "utf8")).toBe("two");
  });

  it("refuses a build dated before the live one, offering a preview elsewhere and no way to force it", async () => {
    const layout = tempLayout();
    await publishBuild(layout, await finishedBuild(layout, "today", "2026-11-26"));
    const refused = checkDates(layout, "2026-11-25", { today: "2026-11-26" });
    await expect(refused).rejects.toThrow(/earlier than the live site's build \(2026-11-26\).*a folder that is not served \(--out _preview\)\.$/s);
    await expect(refused).rejects.not.toThrow(/--allow|anyway/);
    await expect(checkDates(layout, "2026-11-26", { today: "2026-11-26" })).resolves.toEqual([]);
  });

  it("refuses a build dated after today unless a future date is allowed, saying how to build a preview", async () => {
    const layout = tempLayout();
    await publishBuild(layout, await finishedBuild(layout, "today", "2026-11-26"));
    const refused = checkDates(layout, "2026-11-27", { today: "2026-11-26" });
    await expect(refused).rejects.toThrow(/This build is for 2026-11-27, after today \(2026-11-26\)/);
    await expect(refused).rejects.toThrow("BUILD_DATE=2026-11-27 npm run build -- --out _preview --future-date");
    await expect(checkDates(layout, "2026-11-27", { today: "2026-11-26", allowFutureDate: true })).resolves.toEqual([]);
  });

  it("lets today's build replace a live build dated after today, with a warning saying so", async () => {
    const layout = tempLayout();
    await publishBuild(layout, await finishedBuild(layout, "future", "2026-12-15"));
    const warnings = await checkDates(layout, "2026-11-26", { today: "2026-11-26" });
    expect(warnings).toEqual([expect.stringMatching(/was made for 2026-12-15, after today \(2026-11-26\).*replaced by this build for 2026-11-26/)]);
  });
});
