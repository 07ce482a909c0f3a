import { x } from "tinyexec";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { globSync } from "tinyglobby";
import { projectCopy } from "../../tools/project-copy.ts";
import path from "node:path";
import { PROJECT_ROOT, sampleSite } from "./site.ts";

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
  const root = projectCopy(PROJECT_ROOT, "lr-fixture-");
  writeFileSync(path.join(root, "_data", "site.json"), JSON.stringify(options.site ?? sampleSite(), null, 2));
  const writeReviews = (reviews: unknown) =>
    writeFileSync(path.join(root, "_data", "reviews.json"), typeof reviews === "string" ? reviews : JSON.stringify(reviews, null, 2));
  writeReviews(options.reviews);
  for (const [name, content] of Object.entries(options.files ?? {})) {
    const full = path.join(root, "reviews", name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  const out = path.join(root, "_site");
  return {
    root,
    run: async (script, args = [], env = {}) => {
      const result = await x(process.execPath, ["--import", "tsx", path.join("scripts", `${script}.ts`), ...args], { nodeOptions: { cwd: root, env: { NO_COLOR: "1", ...env } } });
      return { code: result.exitCode ?? 1, stdout: result.stdout, stderr: result.stderr };
    },
    read: (file) => readFileSync(path.join(out, file), "utf8"),
    exists: (file) => existsSync(path.join(out, file)),
    files: (dir = out) => globSync("**", { cwd: dir, dot: true }).sort(),
    writeReviews,
  };
}
