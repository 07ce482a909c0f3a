import { spawn } from "node:child_process";
import { onTestFinished } from "vitest";

export interface Preview {
  /** Where the preview serves, `http://127.0.0.1:<port>`. */
  url: string;
  /** Everything it has printed so far (stdout and stderr). */
  output(): string;
}

/**
 * Start `npm start`'s command (`scripts/start.ts`) in the project at `root`, on a port of its own, and resolve with
 * the address it says it serves at. It is stopped, and waited for, when the test that started it finishes,
 * whether the test passed, failed, or this never resolved.
 */
export function startPreview(root: string, env: Record<string, string> = {}): Promise<Preview> {
  const port = String(18_000 + Math.floor(Math.random() * 2000));
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", `--port=${port}`], {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await exited;
    }
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      // Eleventy says "localhost"; the preview listens on 127.0.0.1 only.
      const at = /Server at http:\/\/[^/\s]+:(\d+)\//.exec(output);
      if (at) resolve({ url: `http://127.0.0.1:${at[1]}`, output: () => output });
    };
    child.stdout.on("data", seen);
    child.stderr.on("data", seen);
    child.once("exit", (code) => reject(new Error(`npm start's command ended (${code}) before serving:\n${output}`)));
  });
}

/**
 * Fetch `address` until `until` holds of its text (the preview's first build may still be running), at most a minute.
 * `write`, when given, writes the data again every 5 seconds while it waits, as a maintainer saving again would: a
 * change made just as the watcher starts (on a loaded machine) can be missed by it.
 */
export async function fetchUntil(address: string, until: (text: string) => boolean, write?: () => void): Promise<{ status: number; text: string }> {
  let last = { status: 0, text: "" };
  for (let tries = 0; tries < 240; tries++) {
    const response = await fetch(address).catch(() => undefined);
    if (response) last = { status: response.status, text: await response.text() };
    if (until(last.text)) return last;
    if (write && tries % 20 === 19) write();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return last;
}
