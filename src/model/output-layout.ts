import path from "node:path";

/**
 * The published output (`_site` by default) is a symbolic link to the `site/`
 * folder of a finished build in `<out>.builds/<build>/`. A new build goes live
 * by replacing that link with one rename, which the operating system does in
 * one step: a visitor, a web server or a deploy step sees the old build or the
 * new one, never a mix, and a build that fails or is killed half-way leaves the
 * link pointing at the old one. `<out>.previous` points at the build before,
 * for rollback.
 *
 * Each build folder holds, beside `site/` (what is served):
 * - `build.json`: what the build lists and when each SCR in it leaves, so that
 *   a failed night or a rollback can tell what has expired since;
 * - `input/`: the validated data it was built from, so that it can be rebuilt
 *   at a later date (never served: it holds reviews not yet published);
 * - `code/`: the project files that built it (src/build/keep-code.ts), so that
 *   a failed night rebuilds it with its own code (src/release/fallback.ts).
 */
export interface OutputLayout {
  out: string;
  builds: string;
  previous: string;
  lock: string;
}

export function outputLayout(out: string): OutputLayout {
  const resolved = path.resolve(out);
  return { out: resolved, builds: `${resolved}.builds`, previous: `${resolved}.previous`, lock: `${resolved}.lock` };
}
