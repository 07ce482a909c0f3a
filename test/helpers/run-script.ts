import { execFile } from "node:child_process";
import path from "node:path";

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run an npm script's command (`scripts/<name>.ts`) in the project at `root`, as `npm run <name>` would. */
export function runScript(root: string, script: string, args: string[] = [], env: Record<string, string> = {}): Promise<ScriptResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join("scripts", `${script}.ts`), ...args],
      { cwd: root, env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
