/** `npm run lint` (a step of npm test) checks what git tracks, not scratch files git ignores: Biome run as npm runs it. */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/site.ts";
import { temporaryFolder } from "../helpers/temporary.ts";

const biome = path.join(PROJECT_ROOT, "node_modules", "@biomejs", "biome", "bin", "biome");

function projectWith(files: Record<string, string>): string {
  const dir = temporaryFolder("lr-lint-");
  copyFileSync(path.join(PROJECT_ROOT, "biome.json"), path.join(dir, "biome.json"));
  writeFileSync(path.join(dir, ".gitignore"), ".scratch/\nnotes dir/\n");
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  execFileSync("git", ["init", "-q"], { cwd: dir });
  return dir;
}

const lint = (dir: string) => spawnSync(process.execPath, [biome, "check", "."], { cwd: dir, encoding: "utf8" });

describe("what npm run lint checks", () => {
  it("a file with lint errors in a folder git ignores does not fail the lint", () => {
    const dir = projectWith({ "src/ok.ts": "export const ok = 1;\n", ".scratch/bad.ts": "var x = 1\nif (x == 2) {}\n", "notes dir/b.ts": "var y = 1" });
    const result = lint(dir);
    expect(`${result.stdout}${result.stderr}`).not.toContain("bad.ts");
    expect(result.status).toBe(0);
  });

  it("the same file outside the ignored folder still fails it, naming the file", () => {
    const dir = projectWith({ "src/bad.ts": "var x = 1\nif (x == 2) {}\n" });
    const result = lint(dir);
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain("src/bad.ts");
  });
});
