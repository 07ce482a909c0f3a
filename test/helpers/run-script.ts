import path from "node:path";
import { x } from "tinyexec";

export interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run an npm script's command (`scripts/<name>.ts`) in the project at `root`, as `npm run <name>` would. */
export async function runScript(root: string, script: string, args: string[] = [], env: Record<string, string> = {}): Promise<ScriptResult> {
  const result = await x(process.execPath, ["--import", "tsx", path.join("scripts", `${script}.ts`), ...args], {
    nodeOptions: { cwd: root, env: { NO_COLOR: "1", ...env } },
  });
  return { code: result.exitCode ?? 1, stdout: result.stdout, stderr: result.stderr };
}
