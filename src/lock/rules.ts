/** The output lock's decisions, apart from its files and processes (src/lock/lock.ts passes the clock and a process probe): tested without waiting. */
import * as z from "zod";

/** Who holds a lock, as written into the lock file when it is taken; anything else in a lock file is not an owner. */
const ownerSchema = z.object({
  /** Random, one per taking of the lock: what tells a holder that the lock on disk is still its own. */
  token: z.string(),
  pid: z.number().int().positive(),
  hostname: z.string(),
  /** Linux's id of the boot the holder ran in (`/proc/sys/kernel/random/boot_id`), when known. */
  bootId: z.string().optional().catch(undefined),
  /** Linux's id of the holder's process namespace (`/proc/self/ns/pid`): a container may share the machine's name but not its pids. */
  pidNamespace: z.string().optional().catch(undefined),
  /** When the holder's process started, in clock ticks since boot (`/proc/<pid>/stat`): tells a reused pid apart. */
  startTime: z.string().optional().catch(undefined),
  /** When the lock was taken (ISO 8601), for messages. */
  since: z.string(),
});
export type LockOwner = z.infer<typeof ownerSchema>;

/**
 * A lock as found: its owner when it could be read, and its last refresh. `unreadable`: a lock file with no owner (this
 * version writes the owner before the lock exists, so an older version's killed while writing, or a damaged one).
 * Neither: an older version's lock folder (proper-lockfile).
 */
export interface FoundLock {
  owner?: LockOwner;
  unreadable?: boolean;
  modifiedMs: number;
}

/**
 * How long a lock that cannot be judged by its process (from another machine, or with no owner to read) may go
 * unrefreshed before it is taken over: far above the holder's refresh every {@link LOCK_REFRESH_MS}, so a run stalled for minutes keeps it.
 */
export const LOCK_STALE_MS = 30 * 60 * 1000;
export const LOCK_REFRESH_MS = 60 * 1000;
/** How long a lock file that holds no owner is left alone: an older version wrote its owner a moment after creating it. */
export const LOCK_UNREADABLE_GRACE_MS = 10 * 1000;

/** This machine, as a lock owner names it. */
export type Here = Pick<LockOwner, "hostname" | "bootId" | "pidNamespace">;

/** Two ids that must be equal where both are known. */
const agree = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || a === b;

/** Whether the lock was taken where its process can be looked at: this machine, since its last boot, in the same process namespace. */
export function takenHere(owner: LockOwner, here: Here): boolean {
  return owner.hostname === here.hostname && agree(owner.bootId, here.bootId) && agree(owner.pidNamespace, here.pidNamespace);
}

/** What can be known of a process on this machine: whether a pid is in use, and when the process with it started (when readable). */
export interface ProcessProbe {
  exists: (pid: number) => boolean;
  startTime: (pid: number) => string | undefined;
}

/**
 * Whether the process that took the lock is still running. A pid can be reused once its process has ended, so where
 * the start time is known it must match too. Where it is not, a pid in use counts as the holder: that errs on the
 * side of refusing (a run stops with a message) rather than taking over a live build.
 */
export function holderIsRunning(owner: LockOwner, probe: ProcessProbe): boolean {
  if (!probe.exists(owner.pid)) return false;
  if (owner.startTime === undefined) return true;
  const now = probe.startTime(owner.pid);
  return now === undefined || now === owner.startTime;
}

export type Verdict = { takeOver: boolean; why: string };

/**
 * Whether a lock found on disk may be taken over. Taken here, only its process decides: a holder that is still
 * running keeps it however long it has been stopped or busy, and one whose process has ended gives it up at once.
 * A lock from elsewhere (another machine, an earlier boot, another container), or with no owner to read, is judged
 * by when it was last refreshed.
 */
export function judgeLock(found: FoundLock, here: Here, now: number, isRunning: (owner: LockOwner) => boolean): Verdict {
  const { owner } = found;
  const age = now - found.modifiedMs;
  if (owner && takenHere(owner, here)) {
    return isRunning(owner)
      ? { takeOver: false, why: `process ${owner.pid} on this machine, which took it at ${owner.since}, is still running` }
      : { takeOver: true, why: `process ${owner.pid}, which took it at ${owner.since}, has ended` };
  }
  if (!owner && found.unreadable) {
    const seconds = Math.max(0, Math.floor(age / 1000));
    const ago = `${seconds} ${seconds === 1 ? "second" : "seconds"} ago`;
    return age > LOCK_UNREADABLE_GRACE_MS
      ? { takeOver: true, why: `the lock file holds no owner (its taker was killed while taking it) and was last changed ${ago}` }
      : { takeOver: false, why: `the lock file holds no owner yet (it was changed ${ago}, and may still be being written)` };
  }
  const minutes = Math.floor(age / 60_000);
  const who = owner ? `process ${owner.pid} on ${owner.hostname}, which took it at ${owner.since},` : "its holder (the lock file says no more)";
  return age > LOCK_STALE_MS
    ? { takeOver: true, why: `${who} has not refreshed it for ${minutes} minutes` }
    : { takeOver: false, why: `${who} refreshed it ${minutes < 1 ? "less than a minute" : `${minutes} minutes`} ago` };
}

/** Whether the holder with `token` has lost its lock: the lock on disk is gone, or is someone else's. */
export function lockLost(found: FoundLock | undefined, token: string): boolean {
  return found?.owner?.token !== token;
}

/** The owner written in a lock file, or undefined when it is not one (empty, cut short, or damaged). */
export function parseOwner(text: string): LockOwner | undefined {
  try {
    return ownerSchema.safeParse(JSON.parse(text)).data;
  } catch {
    return undefined;
  }
}

/** The start time of a process from the text of its `/proc/<pid>/stat` (field 22; the name, field 2, may hold spaces and brackets). */
export function startTimeFromStat(stat: string): string | undefined {
  const value = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  return value && /^\d+$/.test(value) ? value : undefined;
}
