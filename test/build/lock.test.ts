import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { publishSite } from "../../src/release/publish-site.ts";
import { lock } from "../../src/lock/lock.ts";
import { LOCK_UNREADABLE_GRACE_MS } from "../../src/lock/rules.ts";
import { outputLayout, type OutputLayout } from "../../src/model/output-layout.ts";
import { tempLayout } from "../helpers/builds.ts";
import { fixturePdf } from "../helpers/documents.ts";
import { fixtureProject } from "../helpers/fixture-project.ts";
import { validReview } from "../helpers/reviews.ts";
import { FIXTURES, fixtureSite } from "../helpers/site.ts";

const LOCK_MODULE = path.resolve("src/lock/lock.ts");

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

/** A separate process that tries to take the lock on `layout` and is killed (LEARNING_REVIEWS_FAULT=lock:kill) while taking it. */
async function childKilledWhileTakingTheLock(layout: OutputLayout): Promise<ChildProcess> {
  const script = `import { lock } from ${JSON.stringify(LOCK_MODULE)}; await lock(${JSON.stringify(layout)}); process.stdout.write("holding\\n");`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, LEARNING_REVIEWS_FAULT: "lock:kill" },
  });
  let seen = "";
  for await (const chunk of child.stdout!) seen += String(chunk);
  if (child.exitCode === null && child.signalCode === null) await once(child, "exit");
  expect(child.signalCode, `the child was not killed while taking the lock: ${seen}`).toBe("SIGKILL");
  return child;
}

describe("a lock file without an owner in it", () => {
  it("is never left by a run killed while taking the lock: the next run takes it at once, with nothing to take over", async () => {
    const layout = tempLayout();
    await childKilledWhileTakingTheLock(layout);
    expect(existsSync(layout.lock)).toBe(false);
    const log: string[] = [];
    const unlock = await lock(layout, (line) => log.push(line));
    expect(log).toEqual([]);
    expect(JSON.parse(readFileSync(layout.lock, "utf8")).pid).toBe(process.pid);
    await unlock();
  });

  it("leaves no draft of the killed run's lock beside the output once the next run has taken the lock", async () => {
    const layout = tempLayout();
    const dir = path.dirname(layout.lock);
    await childKilledWhileTakingTheLock(layout);
    // What a run killed half-way through taking over a stale lock leaves: the lock it moved aside.
    writeFileSync(`${layout.lock}.stale-0d5c`, '{"token":"gone"}');
    const unlock = await lock(layout, () => {});
    const beside = readdirSync(dir).filter((name) => name.startsWith(path.basename(layout.out)));
    expect(beside).toEqual([path.basename(layout.lock)]);
    await unlock();
    expect(readdirSync(dir).filter((name) => name.startsWith(path.basename(layout.out)))).toEqual([]);
  });

  for (const [name, content] of [
    ["empty", ""],
    ["cut short", '{"token":"7f3a'],
  ] as const) {
    it(`is taken over once it is a few seconds old when it is ${name} (as an older version killed while writing it left it), judged by the clock`, async () => {
      const layout = tempLayout();
      writeFileSync(layout.lock, content);
      const writtenAt = statSync(layout.lock).mtimeMs;
      await expect(lock(layout, () => {}, { now: () => writtenAt + 500 })).rejects.toThrow(`Another build is writing to ${layout.out}`);
      const log: string[] = [];
      const unlock = await lock(layout, (line) => log.push(line), { now: () => writtenAt + LOCK_UNREADABLE_GRACE_MS + 1000 });
      expect(log.join("\n")).toContain("holds no owner");
      expect(JSON.parse(readFileSync(layout.lock, "utf8")).pid).toBe(process.pid);
      await unlock();
      expect(existsSync(layout.lock)).toBe(false);
    });
  }
});

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
    // The clock says no time has passed since the child took the lock: only its ended process lets it go.
    const takenAt = statSync(layout.lock).mtimeMs;
    const log: string[] = [];
    const unlock = await lock(layout, (line) => log.push(line), { now: () => takenAt });
    expect(log.join("\n")).toContain(`process ${child.pid}`);
    expect(log.join("\n")).toContain("has ended");
    await unlock();
    expect(existsSync(layout.lock)).toBe(false);
  });

  it("goes to exactly one of two runs that find the same dead holder's lock at once; the other is refused", async () => {
    const layout = tempLayout();
    const child = await childHoldingTheLock(layout);
    child.kill("SIGKILL");
    await once(child, "exit");
    const results = await Promise.allSettled([lock(layout, () => {}), lock(layout, () => {})]);
    const won = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const refused = results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : []));
    expect(won).toHaveLength(1);
    expect(refused).toEqual([expect.stringContaining(`Another build is writing to ${layout.out}: process ${process.pid} on this machine`)]);
    await won[0]!.ensureHeld("nothing was published");
    await won[0]!();
  });

  it("refuses a second run while the first holds it, saying who holds it and what to do, and lets it in once released", async () => {
    const layout = tempLayout();
    const unlock = await lock(layout);
    const refused = lock(layout);
    await expect(refused).rejects.toThrow(`Another build is writing to ${layout.out}: process ${process.pid} on this machine`);
    await expect(refused).rejects.toThrow(`Nothing was changed; wait for it to finish and run again.`);
    await unlock();
    const again = await lock(layout);
    await again();
  });

  it("takes over a lock folder left by the older version (proper-lockfile) only once it is older than the staleness window", async () => {
    const layout = tempLayout();
    mkdirSync(layout.lock);
    await expect(lock(layout)).rejects.toThrow(`Another build is writing to ${layout.out}`);
    ageTheLock(layout);
    const unlock = await lock(layout, () => {});
    await unlock();
    expect(existsSync(layout.lock)).toBe(false);
  });

  it("once another run has taken the lock over, says so, and its release leaves the other run's lock alone", async () => {
    const layout = tempLayout();
    const unlock = await lock(layout);
    const other = { token: "someone-else", pid: 4242, hostname: "another-machine <b>", since: "2026-12-01T02:00:00.000Z" };
    writeFileSync(layout.lock, JSON.stringify(other));
    await expect(unlock.ensureHeld("nothing was published")).rejects.toThrow(
      `Another build took over the lock on ${layout.out} (process 4242 on another-machine <b>, since 2026-12-01T02:00:00.000Z); nothing was published.`,
    );
    await unlock();
    expect(JSON.parse(readFileSync(layout.lock, "utf8"))).toEqual(other);
  });
});

describe("a build that has lost its lock", () => {
  it("stops before the swap: the live site stays as it was, the new build is deleted, and the message says nothing was published", async () => {
    const site = fixtureSite(path.join(FIXTURES, "partnership-b"));
    const project = fixtureProject({
      site,
      reviews: [validReview({ id: "cspr-b", title: "Child B & <Q>", area: "holt" })],
      files: { "cspr-b/overview-report.pdf": fixturePdf("B") },
    });
    const out = path.join(project.root, "_site");
    // Dates before today (a build never publishes at a date after today without asking).
    const first = await publishSite({ root: project.root, out, buildDate: "2026-11-01" });
    const layout = outputLayout(out);
    const taken = { token: "the-other-build", pid: 4242, hostname: "another-machine", since: "2026-12-02T02:00:00.000Z" };
    const attempt = publishSite({
      root: project.root,
      out,
      buildDate: "2026-11-02",
      // Another build takes the lock over while this one checks its finished site.
      beforeSwap: async () => writeFileSync(layout.lock, JSON.stringify(taken)),
    });
    await expect(attempt).rejects.toThrow(`Another build took over the lock on ${out}`);
    await expect(attempt).rejects.toThrow("nothing was published.");
    expect(path.resolve(path.dirname(out), readlinkSync(out))).toBe(first.build.site);
    expect(readdirSync(layout.builds)).toEqual([path.basename(first.build.dir)]);
    expect(JSON.parse(readFileSync(layout.lock, "utf8"))).toEqual(taken);
  });
});
