/**
 * A test seam, and nothing else: `LEARNING_REVIEWS_FAULT=<step>` makes the build
 * fail at that step, `<step>:kill` kills the process there (as a power cut
 * would), and `<step>:ENOSPC` fails with that error code (as a full disk would).
 * The build calls `checkpoint` at each step, so tests can prove what a failure
 * or a kill at every step leaves behind. Each fault fires once per process, so
 * that what the job does next (the fallback) can be seen. Unset in normal use.
 */
export const STEPS = ["validate", "prepare", "eleventy", "documents", "index", "permissions", "check", "publish", "published"] as const;
export type Step = (typeof STEPS)[number] | "fallback" | "last-step" | "report" | "lock";

const fired = new Set<string>();
let last: { step: Step; at: number } | undefined;

/** With `LEARNING_REVIEWS_TIMINGS=1`, how long each step took and this process's memory as the next begins, on standard error (for the benchmark and profiling). */
function time(step: Step, env: Record<string, string | undefined>): void {
  if (!env.LEARNING_REVIEWS_TIMINGS) return;
  const now = performance.now();
  const { rss, heapUsed } = process.memoryUsage();
  const memory = `this process ${Math.round(rss / 2 ** 20)} MiB resident, ${Math.round(heapUsed / 2 ** 20)} MiB heap in use`;
  if (last) process.stderr.write(`[timing] ${last.step}: ${Math.round(now - last.at)} ms; at "${step}": ${memory}\n`);
  last = { step, at: now };
}

export async function checkpoint(step: Step, env: Record<string, string | undefined> = process.env): Promise<void> {
  time(step, env);
  const fault = env.LEARNING_REVIEWS_FAULT;
  if (!fault) return;
  for (const entry of fault.split(",")) {
    const [at, how] = entry.split(":");
    if (at !== step || fired.has(entry)) continue;
    fired.add(entry);
    if (how === "kill") process.kill(process.pid, "SIGKILL");
    const error = new Error(how ? `${how}: simulated failure at step "${step}"` : `simulated failure at step "${step}"`) as NodeJS.ErrnoException;
    if (how) error.code = how;
    throw error;
  }
}
