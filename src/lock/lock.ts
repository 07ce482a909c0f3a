import { randomUUID } from "node:crypto";
import { readFileSync, readlinkSync } from "node:fs";
import { link, lstat, readdir, readFile, rename, rm, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { checkpoint } from "../build/fault.ts";
import type { OutputLayout } from "../model/output-layout.ts";
import { OutputError } from "../model/failures.ts";
import { holderIsRunning, judgeLock, LOCK_REFRESH_MS, lockLost, parseOwner, startTimeFromStat, type FoundLock, type LockOwner } from "./rules.ts";

/** A lock taken: call it to release the lock (only if it is still this run's); `ensureHeld` just before changing the live output. */
export type OutputLock = ReturnType<typeof held>;

/** What Linux's `/proc` says, or undefined where it cannot be read. */
function fromProc(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Whether a pid is in use (EPERM: another user's process has it, so it is running), and when its process started. */
const probe = {
  exists: (pid: number) => {
    try {
      return process.kill(pid, 0);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code !== "ESRCH";
    }
  },
  startTime: (pid: number) => startTimeFromStat(fromProc(() => readFileSync(`/proc/${pid}/stat`, "utf8")) ?? ""),
};

/** This machine, boot and process namespace, as far as they can be read. */
function thisMachine() {
  const bootId = fromProc(() => readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim());
  const pidNamespace = fromProc(() => readlinkSync("/proc/self/ns/pid"));
  return { hostname: hostname(), ...(bootId ? { bootId } : {}), ...(pidNamespace ? { pidNamespace } : {}) };
}

/** The lock file as it is now (its owner, when it can be read, and its inode), or undefined when there is none. */
async function readLock(file: string): Promise<(FoundLock & { ino: number }) | undefined> {
  const found = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (!found) return undefined;
  // A folder is a lock left by an older version of this site (proper-lockfile): judged by its age.
  if (!found.isFile()) return { modifiedMs: found.mtimeMs, ino: found.ino };
  const owner = parseOwner(await readFile(file, "utf8").catch(() => ""));
  return { modifiedMs: found.mtimeMs, ino: found.ino, ...(owner ? { owner } : { unreadable: true }) };
}

/**
 * Put the lock file in place with this run's owner already in it; false when there is one. The owner is written to a
 * draft of this run's own, then hard-linked under the lock's name (which fails if one is there, as O_EXCL would), so
 * the lock file never exists empty. A draft that vanished was swept away by a run that took the lock meanwhile.
 */
async function create(file: string, owner: LockOwner): Promise<boolean> {
  const draft = `${file}.new-${owner.token}`;
  try {
    await writeFile(draft, `${JSON.stringify(owner)}\n`, { flag: "wx", mode: 0o644 });
    await checkpoint("lock");
    await link(draft, file);
    return true;
  } catch (error) {
    if (["EEXIST", "ENOENT"].includes((error as NodeJS.ErrnoException).code ?? "")) return false;
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
}

/** Remove the stale lock that was judged, and nothing else: moved aside first, and put back if it is not the one judged. */
async function removeStale(file: string, judged: FoundLock & { ino: number }, token: string): Promise<void> {
  const aside = `${file}.stale-${token}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = await readLock(aside);
  // If that fails, the other run has lost its lock to a third, and will stop before it changes anything.
  if (moved && (moved.ino !== judged.ino || moved.owner?.token !== judged.owner?.token)) await link(aside, file).catch(() => {});
  await rm(aside, { recursive: true, force: true });
}

/**
 * What runs killed half-way leave beside the output: lock drafts and locks moved aside (`<lock>.new-…`, `<lock>.stale-…`)
 * and links not yet renamed into place (`<out>.link-…`, `<out>.previous.link-…`). Only the lock's holder writes those
 * links, and a run whose draft or moved lock is swept just finds the lock taken, so the holder sweeps them all.
 */
async function sweep(layout: OutputLayout, token: string): Promise<void> {
  const dir = path.dirname(layout.lock);
  const leftovers = [`${layout.lock}.new-`, `${layout.lock}.stale-`, `${layout.out}.link-`, `${layout.previous}.link-`];
  for (const name of await readdir(dir).catch(() => [])) {
    const full = path.join(dir, name);
    if (leftovers.some((prefix) => full.startsWith(prefix)) && !full.endsWith(token)) await rm(full, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * Only one build, rollback or withdrawal may write to an output at a time. The lock is a file, `layout.lock`, naming
 * who took it; whether a lock found there may be taken over is `judgeLock` (src/lock/rules.ts). A run that
 * finds it held is refused at once.
 */
export async function lock(layout: OutputLayout, log: (line: string) => void = console.warn, seams: { now?: () => number } = {}): Promise<OutputLock> {
  const now = seams.now ?? Date.now;
  const here = thisMachine();
  const token = randomUUID();
  const startTime = probe.startTime(process.pid);
  const owner: LockOwner = { token, pid: process.pid, ...here, ...(startTime ? { startTime } : {}), since: new Date(now()).toISOString() };
  let why = "another run took it while this one was taking over a stale lock";
  // More than one try only when runs race for one lock that was stale, or that went away in between.
  for (let attempt = 0; attempt < 4; attempt++) {
    if (await create(layout.lock, owner)) {
      await sweep(layout, token);
      return held(layout, token);
    }
    const found = await readLock(layout.lock);
    if (!found) continue;
    const verdict = judgeLock(found, here, now(), (holder) => holderIsRunning(holder, probe));
    why = verdict.why;
    if (!verdict.takeOver) break;
    log(`Taking over the lock on ${layout.out} (${layout.lock}): ${verdict.why}.`);
    await removeStale(layout.lock, found, token);
  }
  throw new OutputError(
    `Another build is writing to ${layout.out}: ${why}. Nothing was changed; wait for it to finish and run again. ` +
      `If no build, rollback or withdrawal of this site is running, delete ${layout.lock} and run again.`,
  );
}

function held(layout: OutputLayout, token: string) {
  const stillMine = async () => !lockLost(await readLock(layout.lock), token);
  // Refreshed for a judge on another machine (on this one, the process decides); a stall of minutes is far inside LOCK_STALE_MS.
  // A refresh that fails is tried again a minute later; ensureHeld is what decides.
  const refresh = setInterval(async () => {
    try {
      if (await stillMine()) await utimes(layout.lock, new Date(), new Date());
    } catch {}
  }, LOCK_REFRESH_MS);
  refresh.unref();
  const release = async () => {
    clearInterval(refresh);
    // A lock that is someone else's now is theirs to remove.
    if (await stillMine()) await rm(layout.lock, { force: true });
  };
  return Object.assign(release, {
    /** Throws, saying `notDone` ("nothing was published"), when another run has taken the lock over. */
    async ensureHeld(notDone: string): Promise<void> {
      const found = await readLock(layout.lock);
      if (!lockLost(found, token)) return;
      const who = found?.owner ? ` (process ${found.owner.pid} on ${found.owner.hostname}, since ${found.owner.since})` : "";
      throw new OutputError(
        `Another build took over the lock on ${layout.out}${who}; ${notDone}. ` +
          `This run stopped before changing the site. Check what that build did; run this again once it has finished if it is still needed.`,
      );
    },
  });
}
