import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { publishBuild } from "../../../src/release/publish.ts";
import { checkOutput } from "../../../src/release/publish-site.ts";
import { PROJECT_ROOT } from "../../helpers/site.ts";
import { finishedBuild, tempLayout } from "../../helpers/builds.ts";

describe("choosing where to publish", () => {
  const project = PROJECT_ROOT;
  it("refuses the project, any folder that holds it, and an empty name", async () => {
    await expect(checkOutput(".", project)).rejects.toThrow(/the project folder itself/);
    await expect(checkOutput(project, project)).rejects.toThrow(/the project folder itself/);
    await expect(checkOutput("..", project)).rejects.toThrow(/a folder that holds the project/);
    await expect(checkOutput("/", project)).rejects.toThrow(/a folder that holds the project/);
    await expect(checkOutput("", project)).rejects.toThrow(/--out is empty/);
  });

  it("refuses a folder the build did not make, and a missing parent folder, with a message", async () => {
    const layout = tempLayout();
    mkdirSync(layout.out);
    writeFileSync(path.join(layout.out, "index.html"), "somebody else's site");
    await expect(checkOutput(layout.out, project)).rejects.toThrow(/a folder that this site's build did not make/);
    await expect(checkOutput(path.join(path.dirname(layout.out), "no", "such", "_site"), project)).rejects.toThrow(
      /does not exist, so the site cannot be published .* Create it first/,
    );
    await expect(checkOutput(path.join(path.dirname(layout.out), "elsewhere"), project)).resolves.toMatchObject({
      out: path.join(path.dirname(layout.out), "elsewhere"),
    });
  });

  it("refuses a .previous that is a plain folder, and leaves it and the live build alone", async () => {
    const layout = tempLayout();
    await publishBuild(layout, await finishedBuild(layout, "one"));
    mkdirSync(layout.previous);
    writeFileSync(path.join(layout.previous, "keep.txt"), "mine");
    await expect(checkOutput(layout.out, project)).rejects.toThrow(/_site\.previous should be a link/);
    expect(readFileSync(path.join(layout.out, "index.html"), "utf8")).toBe("one");
    expect(readFileSync(path.join(layout.previous, "keep.txt"), "utf8")).toBe("mine");
  });

  it("accepts a link made by an earlier build", async () => {
    const layout = tempLayout();
    await publishBuild(layout, await finishedBuild(layout, "one"));
    symlinkSync(".", `${layout.out}-other`);
    await expect(checkOutput(layout.out, project)).resolves.toMatchObject({ out: layout.out });
  });
});
