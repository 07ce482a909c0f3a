import { describe, expect, it } from "vitest";
import { collectGarbage } from "../../../src/build/memory.ts";

const MiB = 2 ** 20;

/**
 * About `mib` MiB of objects held together until this returns, so that they outlive the young generation's
 * collections (as the data does while it is checked), and that nothing refers to afterwards.
 */
function leaveGarbage(mib: number): void {
  const held: string[][] = [];
  for (let i = 0; i < mib; i++) held.push(Array.from({ length: 8192 }, (_, j) => `${i}:${j}:`.padEnd(96, "x")));
  expect(held.length).toBe(mib);
}

describe("collectGarbage", () => {
  it("gives back objects nothing refers to any more, in a process started without --expose-gc", () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe("undefined");
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    leaveGarbage(32);
    collectGarbage();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(12 * MiB);
  });

  it("keeps what is still referred to", () => {
    const kept = Array.from({ length: 100_000 }, (_, i) => ({ i }));
    collectGarbage();
    collectGarbage();
    expect(kept.at(-1)).toEqual({ i: 99_999 });
  });

  it("leaves no gc function on the global object for other code to find", () => {
    collectGarbage();
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe("undefined");
  });
});
