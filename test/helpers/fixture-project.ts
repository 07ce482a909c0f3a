import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT, sampleSite } from "./site.ts";

/** Code the build needs, shared with the fixture by link; the content is the fixture's own. */
const LINKED = ["node_modules", "src", "scripts", "package.json", "tsconfig.json"];
const COPIED = [".eleventy.ts", "pages", "_includes", ".pa11yci.cjs"];

export interface FixtureProject {
  root: string;
  /** Run an npm script's command (`scripts/<name>.ts`) in the fixture. */
  run(script: string, args?: string[], env?: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Read a file of the published output (`_site`). */
  read(file: string): string;
  exists(file: string): boolean;
  /** Every file under the published output, relative to it. */
  files(dir?: string): string[];
  writeReviews(reviews: unknown): void;
}

/**
 * A throwaway copy of the project with its own `_data/reviews.json`,
 * `_data/site.json` and `reviews/` folder, so that build tests run the real
 * build on data they control.
 */
export function fixtureProject(options: { reviews: unknown; site?: unknown; files?: Record<string, string | Uint8Array> }): FixtureProject {
  const root = mkdtempSync(path.join(tmpdir(), "lr-fixture-"));
  for (const name of LINKED) symlinkSync(path.join(PROJECT_ROOT, name), path.join(root, name));
  for (const name of COPIED) if (existsSync(path.join(PROJECT_ROOT, name))) cpSync(path.join(PROJECT_ROOT, name), path.join(root, name), { recursive: true });
  mkdirSync(path.join(root, "_data"));
  for (const file of readdirSync(path.join(PROJECT_ROOT, "_data"))) {
    if (file.endsWith(".ts")) cpSync(path.join(PROJECT_ROOT, "_data", file), path.join(root, "_data", file));
  }
  writeFileSync(path.join(root, "_data", "site.json"), JSON.stringify(options.site ?? sampleSite(), null, 2));
  const writeReviews = (reviews: unknown) =>
    writeFileSync(path.join(root, "_data", "reviews.json"), typeof reviews === "string" ? reviews : JSON.stringify(reviews, null, 2));
  writeReviews(options.reviews);
  mkdirSync(path.join(root, "reviews"));
  for (const [name, content] of Object.entries(options.files ?? {})) {
    const full = path.join(root, "reviews", name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  const out = path.join(root, "_site");
  return {
    root,
    run: (script, args = [], env = {}) =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          ["--import", "tsx", path.join("scripts", `${script}.ts`), ...args],
          { cwd: root, env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 64 * 1024 * 1024 },
          (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
        );
      }),
    read: (file) => readFileSync(path.join(out, file), "utf8"),
    exists: (file) => existsSync(path.join(out, file)),
    files: (dir = out) => (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort(),
    writeReviews,
  };
}
