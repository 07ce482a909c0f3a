import { readFileSync, readdirSync } from "node:fs";
import { x } from "tinyexec";

export interface Measured {
  code: number;
  wallMs: number;
  /** The largest total resident memory of the process and all its descendants seen while it ran. */
  peakRssBytes: number;
  stdout: string;
  stderr: string;
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (text) children.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // The process has ended.
  }
  return children;
}

function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Total resident memory of a process tree now (Linux /proc). */
export function treeRssBytes(root: number): number {
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    total += rssBytes(pid);
    queue.push(...childrenOf(pid));
  }
  return total;
}

/**
 * Run a command and measure its wall time and the peak memory of its whole
 * process tree (sampled every 20 ms), as the benchmark reports them.
 */
export async function runMeasured(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Measured> {
  const started = process.hrtime.bigint();
  const child = x(command, args, { nodeOptions: { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] } });
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssBytes(child.pid));
  }, 20);
  try {
    const { stdout, stderr, exitCode } = await child;
    return { code: exitCode ?? 1, wallMs: Number(process.hrtime.bigint() - started) / 1e6, peakRssBytes: peak, stdout, stderr };
  } finally {
    clearInterval(timer);
  }
}
