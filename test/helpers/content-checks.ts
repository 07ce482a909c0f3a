import { execFile } from "node:child_process";
import path from "node:path";
import type { ScriptResult } from "./run-script.ts";
import { PROJECT_ROOT } from "./site.ts";

/** Run this repository's content checks (vitest project `content`) on the project at `root`. */
export function contentChecks(root: string): Promise<ScriptResult> {
  // A clean environment for the inner Vitest: without the outer run's worker settings.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && name !== "NODE_OPTIONS"));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(PROJECT_ROOT, "node_modules", "vitest", "vitest.mjs"), "run", "--project", "content", "--reporter=verbose"],
      { cwd: PROJECT_ROOT, env: { ...env, CONTENT_ROOT: root, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
