/**
 * Publishing when an old build cannot be deleted: made so with `chattr +i` (a child
 * process, and root on a file system that supports it), so here and not in test/unit.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { publishBuild } from "../../src/release/publish.ts";
import { finishedBuild, tempLayout } from "../helpers/builds.ts";

describe("publishing a build beside an old one that cannot be deleted", () => {
  it("reports an old build it cannot delete as a warning, after the swap, and keeps the new build live", async () => {
    const layout = tempLayout();
    const first = await finishedBuild(layout, "one");
    await publishBuild(layout, first);
    await publishBuild(layout, await finishedBuild(layout, "two"));
    // The oldest build can no longer be deleted (as when another user owns it): an immutable file in it.
    const stuck = path.join(first.dir, "stuck");
    writeFileSync(stuck, "");
    execFileSync("chattr", ["+i", stuck]);
    try {
      const { warnings } = await publishBuild(layout, await finishedBuild(layout, "three"));
      expect(warnings).toEqual([expect.stringMatching(/An old build could not be deleted .*delete .* by hand/)]);
      expect(readFileSync(path.join(layout.out, "index.html"), "utf8")).toBe("three");
      expect(readFileSync(path.join(layout.previous, "index.html"), "utf8")).toBe("two");
    } finally {
      execFileSync("chattr", ["-i", stuck]);
    }
  });
});
