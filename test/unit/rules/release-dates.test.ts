import { describe, expect, it } from "vitest";
import { expiredBy, publishDecision, removalHasCome } from "../../../src/rules/release-dates.ts";
import { decide } from "../../../src/rules/publication.ts";
import type { BuildMeta } from "../../../src/build/build-record.ts";

describe("whether a removal date has come (the one boundary)", () => {
  it("has come on the removal day itself, and after it", () => {
    expect(removalHasCome("2026-11-26", "2026-11-26")).toBe(true);
    expect(removalHasCome("2026-11-26", "2026-11-27")).toBe(true);
  });
  it("has not come the day before", () => {
    expect(removalHasCome("2026-11-26", "2026-11-25")).toBe(false);
  });
  it("is what both the publication rule and a kept build's expiry use: on the day, both say it is gone", () => {
    // An SCR published 2025-11-26 leaves on 2026-11-26 (12 months).
    expect(decide({ type: "SCR", status: "published", published: "2025-11-26" }, "2026-11-26", { retentionMonths: 12 })).toEqual({
      state: "removed",
      removedOn: "2026-11-26",
    });
    const meta: BuildMeta = {
      generator: "learning-reviews",
      buildDate: "2026-11-25",
      listed: [
        { id: "leaves", title: "Leaves", removalDate: "2026-11-26" },
        { id: "later", title: "Later", removalDate: "2026-11-27" },
        { id: "stays", title: "Stays", removalDate: null },
      ],
      removed: [],
    };
    expect(expiredBy(meta.listed, "2026-11-26").map((r) => r.id)).toEqual(["leaves"]);
    expect(expiredBy(meta.listed, "2026-11-25")).toEqual([]);
  });
});

describe("whether a build may replace the live one", () => {
  const today = "2026-11-26";
  it("publishes a build for today over a live build for yesterday", () => {
    expect(publishDecision({ buildDate: today, today, liveDate: "2026-11-25" })).toEqual({ verdict: "publish" });
  });
  it("publishes when there is no live build, or it has no date", () => {
    expect(publishDecision({ buildDate: today, today })).toEqual({ verdict: "publish" });
  });
  it("refuses a build dated after today, unless a future date is allowed", () => {
    expect(publishDecision({ buildDate: "2026-11-27", today })).toEqual({ verdict: "refuse", why: "future" });
    expect(publishDecision({ buildDate: "2026-11-27", today, allowFutureDate: true })).toEqual({ verdict: "publish" });
  });
  it("refuses a build dated before a live build that is not after today", () => {
    expect(publishDecision({ buildDate: "2026-11-25", today, liveDate: today })).toEqual({ verdict: "refuse", why: "earlier", liveDate: today });
    expect(publishDecision({ buildDate: "2026-11-24", today, liveDate: "2026-11-25" })).toEqual({ verdict: "refuse", why: "earlier", liveDate: "2026-11-25" });
  });
  it("replaces a live build dated after today with today's build, saying so", () => {
    expect(publishDecision({ buildDate: today, today, liveDate: "2026-12-15" })).toEqual({ verdict: "publish", replacesFutureLive: "2026-12-15" });
    // The day after today is after today too: the boundary is exact.
    expect(publishDecision({ buildDate: today, today, liveDate: "2026-11-27" })).toEqual({ verdict: "publish", replacesFutureLive: "2026-11-27" });
  });
  it("still refuses a future build over a future live build without the flag", () => {
    expect(publishDecision({ buildDate: "2026-12-01", today, liveDate: "2026-12-15" })).toEqual({ verdict: "refuse", why: "future" });
  });
});
