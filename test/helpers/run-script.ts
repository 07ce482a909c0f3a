import path from "node:path";
import { x } from "tinyexec";
import { clockAt } from "./clock-at.ts";

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run an npm script's command (`scripts/<name>.ts`) in the project at `root`, as `npm run <name>` would;
 * with `clock` (an instant, e.g. 2026-11-26T12:00:00Z), its clock starts then (test/helpers/clock-at.ts).
 */
export async function runScript(root: string, script: string, args: string[] = [], env: Record<string, string> = {}, clock?: string): Promise<ScriptResult> {
  const preload = clock ? ["--import", clockAt(clock)] : [];
  const result = await x(process.execPath, ["--import", "tsx", ...preload, path.join("scripts", `${script}.ts`), ...args], {
    nodeOptions: { cwd: root, env: { NO_COLOR: "1", ...env } },
  });
  return { code: result.exitCode ?? 1, stdout: result.stdout, stderr: result.stderr };
}
