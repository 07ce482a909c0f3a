import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { globSync } from "tinyglobby";
import path from "node:path";
import { projectCopy } from "../../tools/project-copy.ts";
import { runScript, type ScriptResult } from "./run-script.ts";
import { noonOn } from "./clock-at.ts";
import { PROJECT_ROOT, fixtureSite } from "./site.ts";
import { removedAfterTest } from "./temporary.ts";

export interface FixtureProject {
  root: string;
  /** Run an npm script's command (`scripts/<name>.ts`) in the fixture. */
  run(script: string, args?: string[], env?: Record<string, string>): Promise<ScriptResult>;
  /** Run it on `date` (YYYY-MM-DD): its clock starts at noon in London that day. The way to run the nightly for a date. */
  runOn(date: string, script: string, args?: string[], env?: Record<string, string>): Promise<ScriptResult>;
  /** Read a file of the published output (`_site`). */
  read(file: string): string;
  exists(file: string): boolean;
  /** Every file under the published output, relative to it. */
  files(dir?: string): string[];
  writeReviews(reviews: unknown): void;
}

/**
 * A throwaway copy of the project with its own `_data/reviews.json`,
 * `_data/site.json` (the fixture partnership's, test/fixtures/site.json, unless
 * given) and `reviews/` folder, so that build tests run the real build on data
 * they control. It is removed when the test (or, made in `beforeAll`, the file) ends.
 */
export function fixtureProject(options: { reviews: unknown; site?: unknown; files?: Record<string, string | Uint8Array> }): FixtureProject {
  const root = removedAfterTest(projectCopy(PROJECT_ROOT, "lr-fixture-"));
  writeFileSync(path.join(root, "_data", "site.json"), JSON.stringify(options.site ?? fixtureSite(), null, 2));
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
    run: (script, args = [], env = {}) => runScript(root, script, args, env),
    runOn: (date, script, args = [], env = {}) => runScript(root, script, args, env, noonOn(date)),
    read: (file) => readFileSync(path.join(out, file), "utf8"),
    exists: (file) => existsSync(path.join(out, file)),
    files: (dir = out) => globSync("**", { cwd: dir, dot: true }).sort(),
    writeReviews,
  };
}
