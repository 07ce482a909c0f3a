import { existsSync, mkdirSync, mkdtempSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { x } from "tinyexec";
import { describe, expect, it } from "vitest";
import { lock, LOCK_STALE_MS } from "../../../src/release/lock.ts";
import { outputLayout } from "../../../src/release/build-folder.ts";

const freshLayout = () => outputLayout(path.join(mkdtempSync(path.join(tmpdir(), "lr-lock-")), "_site"));

describe("the output lock", () => {
  it("refuses a second holder while the first holds it, with a message that says what to do, and frees it on release", async () => {
    const layout = freshLayout();
    const unlock = await lock(layout);
    const started = Date.now();
    await expect(lock(layout)).rejects.toThrow(`Another build is writing to ${layout.out}; wait for it to finish.`);
    // It waited for the holder a while, as long as a dead holder's lock takes to go stale, before giving up.
    expect(Date.now() - started).toBeGreaterThanOrEqual(LOCK_STALE_MS);
    await unlock();
    const again = await lock(layout);
    await again();
  }, 30_000);

  it("takes over at once a lock that has not been refreshed for longer than the stale time", async () => {
    const layout = freshLayout();
    mkdirSync(layout.lock);
    const past = new Date(Date.now() - LOCK_STALE_MS - 60_000);
    utimesSync(layout.lock, past, past);
    const started = Date.now();
    const unlock = await lock(layout);
    expect(Date.now() - started).toBeLessThan(1000);
    await unlock();
  });

  it("takes over the lock of a process that was killed while holding it", async () => {
    const layout = freshLayout();
    const script = `import { lock } from ${JSON.stringify(path.resolve("src/release/lock.ts"))}; await lock(${JSON.stringify(layout)}); process.kill(process.pid, "SIGKILL");`;
    const killed = await x(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { throwOnError: false });
    expect(killed.exitCode).not.toBe(0);
    expect(existsSync(layout.lock)).toBe(true);
    const unlock = await lock(layout);
    await unlock();
  }, 30_000);
});
