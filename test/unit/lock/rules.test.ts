import { describe, expect, it } from "vitest";
import {
  holderIsRunning,
  judgeLock,
  LOCK_REFRESH_MS,
  LOCK_STALE_MS,
  LOCK_UNREADABLE_GRACE_MS,
  lockLost,
  parseOwner,
  startTimeFromStat,
  takenHere,
  type LockOwner,
  type ProcessProbe,
} from "../../../src/lock/rules.ts";

// The lock's decisions, with the clock and the processes given: no files, no waiting (real processes: test/build/lock.test.ts).
const NOW = Date.parse("2026-12-01T02:00:00Z");
const here = { hostname: "build-server", bootId: "boot-1" };
const owner = (overrides: Partial<LockOwner> = {}): LockOwner => ({
  token: "t-1",
  pid: 4321,
  hostname: "build-server",
  bootId: "boot-1",
  startTime: "98765",
  since: "2026-12-01T01:00:00.000Z",
  ...overrides,
});
const running = () => true;
const ended = () => false;
const aDayAgo = NOW - 24 * 60 * 60 * 1000;

describe("whether a lock may be taken over", () => {
  it("never takes over from a holder on this machine whose process is still running, however long since it refreshed the lock", () => {
    for (const modifiedMs of [NOW, NOW - LOCK_STALE_MS - 1, aDayAgo, 0]) {
      const verdict = judgeLock({ owner: owner(), modifiedMs }, here, NOW, running);
      expect(verdict).toEqual({ takeOver: false, why: "process 4321 on this machine, which took it at 2026-12-01T01:00:00.000Z, is still running" });
    }
  });

  it("takes over at once from a holder on this machine whose process has ended, even if it refreshed the lock this very moment", () => {
    const verdict = judgeLock({ owner: owner(), modifiedMs: NOW }, here, NOW, ended);
    expect(verdict).toEqual({ takeOver: true, why: "process 4321, which took it at 2026-12-01T01:00:00.000Z, has ended" });
  });

  it("asks only about the holder named in the lock", () => {
    const asked: LockOwner[] = [];
    judgeLock({ owner: owner({ pid: 77 }), modifiedMs: NOW }, here, NOW, (holder) => {
      asked.push(holder);
      return true;
    });
    expect(asked.map((holder) => holder.pid)).toEqual([77]);
  });

  it("judges a lock from another machine by its last refresh: kept within the staleness window, taken over after it", () => {
    const elsewhere = owner({ hostname: "other-server" });
    const isRunning = () => {
      throw new Error("a process on another machine cannot be looked at");
    };
    expect(judgeLock({ owner: elsewhere, modifiedMs: NOW - LOCK_STALE_MS }, here, NOW, isRunning).takeOver).toBe(false);
    const stale = judgeLock({ owner: elsewhere, modifiedMs: NOW - LOCK_STALE_MS - 1 }, here, NOW, isRunning);
    expect(stale).toEqual({
      takeOver: true,
      why: "process 4321 on other-server, which took it at 2026-12-01T01:00:00.000Z, has not refreshed it for 30 minutes",
    });
  });

  it("keeps the staleness window in minutes, many times the refresh interval, so a holder stalled for minutes keeps its lock", () => {
    expect(LOCK_STALE_MS).toBeGreaterThanOrEqual(10 * 60 * 1000);
    expect(LOCK_STALE_MS / LOCK_REFRESH_MS).toBeGreaterThanOrEqual(10);
    const stalledTenMinutes = judgeLock({ owner: owner({ hostname: "other-server" }), modifiedMs: NOW - 10 * 60 * 1000 }, here, NOW, running);
    expect(stalledTenMinutes).toEqual({ takeOver: false, why: expect.stringContaining("refreshed it 10 minutes ago") });
  });

  it("judges the older version's lock folder, which names no owner, by its age alone: kept within the staleness window", () => {
    expect(judgeLock({ modifiedMs: NOW - 1000 }, here, NOW, running)).toEqual({
      takeOver: false,
      why: "its holder (the lock file says no more) refreshed it less than a minute ago",
    });
    expect(judgeLock({ modifiedMs: NOW - 10 * 60 * 1000 }, here, NOW, running).takeOver).toBe(false);
    expect(judgeLock({ modifiedMs: aDayAgo }, here, NOW, running).takeOver).toBe(true);
  });

  it("takes over a lock file that holds no owner (empty or cut short: its taker was killed) once it is a few seconds old", () => {
    // A lock is put in place with its owner already written, so an empty one is never being written: only a grace for an older version's write.
    const fresh = judgeLock({ unreadable: true, modifiedMs: NOW - LOCK_UNREADABLE_GRACE_MS }, here, NOW, running);
    expect(fresh).toEqual({ takeOver: false, why: expect.stringContaining("holds no owner") });
    const left = judgeLock({ unreadable: true, modifiedMs: NOW - LOCK_UNREADABLE_GRACE_MS - 1 }, here, NOW, running);
    expect(left).toEqual({ takeOver: true, why: expect.stringMatching(/holds no owner .*\d+ seconds? ago/) });
    expect(judgeLock({ unreadable: true, modifiedMs: NOW - 60 * 1000 }, here, NOW, running).takeOver).toBe(true);
  });

  it("keeps that grace in seconds, far inside the staleness window, and does not let a clock behind the file's time take it early", () => {
    expect(LOCK_UNREADABLE_GRACE_MS).toBeGreaterThanOrEqual(1000);
    expect(LOCK_UNREADABLE_GRACE_MS).toBeLessThanOrEqual(60 * 1000);
    // A file modified "in the future" (clocks that disagree) is not old.
    expect(judgeLock({ unreadable: true, modifiedMs: NOW + 60 * 60 * 1000 }, here, NOW, running).takeOver).toBe(false);
  });
});

describe("whether the holder named in a lock is still running", () => {
  const probe = (exists: boolean, startTime?: string): ProcessProbe => ({ exists: () => exists, startTime: () => startTime });

  it("is running when its pid is in use by a process that started when the holder did", () => {
    expect(holderIsRunning(owner(), probe(true, "98765"))).toBe(true);
  });

  it("has ended when its pid is not in use", () => {
    expect(holderIsRunning(owner(), probe(false))).toBe(false);
  });

  it("has ended when its pid now belongs to another process (a reused pid: another start time)", () => {
    expect(holderIsRunning(owner(), probe(true, "123"))).toBe(false);
  });

  it("counts as running when its start time was not recorded or cannot be read now, and its pid is in use (refusing is the safe side)", () => {
    const { startTime: _, ...noStart } = owner();
    expect(holderIsRunning(noStart, probe(true, "1"))).toBe(true);
    expect(holderIsRunning(owner(), probe(true, undefined))).toBe(true);
  });
});

describe("whether a lock was taken where its process can be looked at", () => {
  it("was when the machine, the boot and the process namespace are this run's", () => {
    expect(takenHere(owner({ pidNamespace: "pid:[1]" }), { ...here, pidNamespace: "pid:[1]" })).toBe(true);
  });

  it("was not on another machine, before a reboot (or on another machine of the same name), or in another container", () => {
    expect(takenHere(owner({ hostname: "other-server" }), here)).toBe(false);
    expect(takenHere(owner({ bootId: "boot-0" }), here)).toBe(false);
    expect(takenHere(owner({ pidNamespace: "pid:[2]" }), { ...here, pidNamespace: "pid:[1]" })).toBe(false);
  });

  it("goes by the name alone where the boot and namespace are not known (not Linux)", () => {
    const { bootId: _, ...noBoot } = owner();
    expect(takenHere(noBoot, { hostname: "build-server" })).toBe(true);
    expect(takenHere(owner(), { hostname: "build-server" })).toBe(true);
  });

  it("after a reboot, or in another container, is judged by the age of its last refresh, not by a pid that means another process there", () => {
    const earlierBoot = { owner: owner({ bootId: "boot-0" }), modifiedMs: NOW - 60_000 };
    expect(judgeLock(earlierBoot, here, NOW, running).takeOver).toBe(false);
    expect(judgeLock({ ...earlierBoot, modifiedMs: aDayAgo }, here, NOW, running).takeOver).toBe(true);
  });
});

describe("whether a holder has lost its lock", () => {
  it("has not while the lock on disk carries its token", () => {
    expect(lockLost({ owner: owner({ token: "mine" }), modifiedMs: NOW }, "mine")).toBe(false);
  });

  it("has when the lock is gone, someone else's, or unreadable", () => {
    expect(lockLost(undefined, "mine")).toBe(true);
    expect(lockLost({ owner: owner({ token: "theirs" }), modifiedMs: NOW }, "mine")).toBe(true);
    expect(lockLost({ modifiedMs: NOW }, "mine")).toBe(true);
  });
});

describe("reading a lock file", () => {
  it("reads back what a holder writes", () => {
    expect(parseOwner(JSON.stringify(owner()))).toEqual(owner());
  });

  it("reads nothing from an empty, damaged or foreign file rather than guessing", () => {
    for (const text of [
      "",
      "{",
      "null",
      "[]",
      '"x"',
      "4321",
      JSON.stringify({ ...owner(), pid: "4321" }),
      JSON.stringify({ ...owner(), pid: 0 }),
      JSON.stringify({ pid: 1 }),
    ]) {
      expect(parseOwner(text)).toBeUndefined();
    }
  });

  it("keeps hostile strings as data, and drops optional fields of the wrong type", () => {
    const hostile = owner({ hostname: '<script>alert("x")</script>', since: "\u0000; rm -rf /" });
    expect(parseOwner(JSON.stringify({ ...hostile, bootId: 7, startTime: null }))).toEqual({
      token: "t-1",
      pid: 4321,
      hostname: '<script>alert("x")</script>',
      since: "\u0000; rm -rf /",
    });
  });
});

describe("a process's start time from /proc/<pid>/stat", () => {
  it("is field 22, counted after the name however many spaces and brackets the name holds", () => {
    const rest = "S 1 1 1 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 1 0 424242 1000000 200";
    expect(startTimeFromStat(`4321 (node) ${rest}`)).toBe("424242");
    expect(startTimeFromStat(`4321 (a) (b c) ${rest}`)).toBe("424242");
  });

  it("is unknown from an empty or cut-short file", () => {
    expect(startTimeFromStat("")).toBeUndefined();
    expect(startTimeFromStat("4321 (node) S 1 1")).toBeUndefined();
  });
});
