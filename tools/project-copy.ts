import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Code a build needs, shared with the copy by link; the content (_data/*.json, reviews/) is the copy's own. */
const LINKED = ["node_modules", "src", "scripts", "package.json", "tsconfig.json"];
const COPIED = [".eleventy.ts", "pages", "_includes", ".pa11yci.cjs", "admin"];

/**
 * A throwaway copy of the project in a temporary folder, with the data files and
 * documents left for the caller to write, so that tests and the benchmark run the
 * real build on data they control. Returns its root.
 */
export function projectCopy(projectRoot: string, prefix = "lr-project-"): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  for (const name of LINKED) symlinkSync(path.join(projectRoot, name), path.join(root, name));
  for (const name of COPIED) if (existsSync(path.join(projectRoot, name))) cpSync(path.join(projectRoot, name), path.join(root, name), { recursive: true });
  mkdirSync(path.join(root, "_data"));
  mkdirSync(path.join(root, "reviews"));
  for (const file of readdirSync(path.join(projectRoot, "_data"))) {
    if (file.endsWith(".ts")) cpSync(path.join(projectRoot, "_data", file), path.join(root, "_data", file));
  }
  return root;
}
