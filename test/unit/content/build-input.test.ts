import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readBuildInput } from "../../../src/content/build-input.ts";
import { contentPaths } from "../../../src/content/paths.ts";
import { fixtureSite } from "../../helpers/site.ts";

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function content(): string {
  const root = mkdtempSync(path.join(tmpdir(), "lr-input-"));
  folders.push(root);
  mkdirSync(path.join(root, "_data"));
  mkdirSync(path.join(root, "reviews"));
  writeFileSync(path.join(root, "_data", "site.json"), JSON.stringify(fixtureSite()));
  writeFileSync(path.join(root, "_data", "reviews.json"), "[]");
  return root;
}

describe("the site's address from SITE_URL (the Pages workflow sets it)", () => {
  it("replaces url in site.json, path and all", async () => {
    const input = await readBuildInput(contentPaths(content()), "2026-11-26", { SITE_URL: "https://partnership.github.io/reviews" });
    expect(input.site.url).toBe("https://partnership.github.io/reviews");
  });

  it("is checked as url in site.json is, with a message naming the variable", async () => {
    await expect(readBuildInput(contentPaths(content()), "2026-11-26", { SITE_URL: "http://user:pw@example.org/?x" })).rejects.toThrow(
      /SITE_URL \(an environment variable\): expected the site's public address, starting https:\/\//,
    );
  });

  it("leaves url alone when unset or empty", async () => {
    expect((await readBuildInput(contentPaths(content()), "2026-11-26", { SITE_URL: "" })).site.url).toBe(fixtureSite().url);
  });
});
