import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { utimesSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { lock } from "../../src/release/lock.ts";
import type { OutputLayout } from "../../src/release/build-folder.ts";
import { tempLayout } from "../helpers/builds.ts";

const LOCK_MODULE = path.resolve("src/release/lock.ts");

/** A separate process that takes the lock on `layout` and keeps it until it is killed; resolves once it holds it. */
async function childHoldingTheLock(layout: OutputLayout): Promise<ChildProcess> {
  const script = `import { lock } from ${JSON.stringify(LOCK_MODULE)}; await lock(${JSON.stringify(layout)}); process.stdout.write("holding\\n"); setInterval(() => {}, 60_000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  let seen = "";
  for await (const chunk of child.stdout!) {
    seen += String(chunk);
    if (seen.includes("holding")) return child;
  }
  throw new Error(`The child process ended before it held the lock (exit ${child.exitCode ?? child.signalCode}).`);
}

/** As if the holder had not refreshed its lock for an hour: longer than any staleness window. */
function ageTheLock(layout: OutputLayout): void {
  const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
  utimesSync(layout.lock, anHourAgo, anHourAgo);
}

describe("the output lock between real processes", () => {
  it("is never taken over from a holder that is still running, however long it has been stopped (SIGSTOP)", async () => {
    const layout = tempLayout();
    const child = await childHoldingTheLock(layout);
    child.kill("SIGSTOP");
    ageTheLock(layout);
    await expect(lock(layout)).rejects.toThrow(`is writing to ${layout.out}`);
    child.kill("SIGCONT");
  });

  it("is taken over at once from a holder that was killed (SIGKILL), with no wait for it to go stale", async () => {
    const layout = tempLayout();
    const child = await childHoldingTheLock(layout);
    child.kill("SIGKILL");
    await once(child, "exit");
    const unlock = await lock(layout);
    await unlock();
  });
});
