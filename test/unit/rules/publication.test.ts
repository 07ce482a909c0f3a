import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyPublicationRules, decide, removalDate, type RuleInput } from "../../../src/rules/publication.ts";

const twelve = { retentionMonths: 12 };
const scr = (published?: string, status: RuleInput["status"] = "published"): RuleInput => ({ type: "SCR", status, ...(published ? { published } : {}) });
const cspr = (published?: string, status: RuleInput["status"] = "published"): RuleInput => ({ type: "CSPR", status, ...(published ? { published } : {}) });

describe("an SCR's 12 months", () => {
  it("is listed the day before the anniversary", () => {
    expect(decide(scr("2025-06-14"), "2026-06-13", twelve)).toEqual({ state: "listed", removalDate: "2026-06-14" });
  });
  it("is dropped on the anniversary", () => {
    expect(decide(scr("2025-06-14"), "2026-06-14", twelve)).toEqual({ state: "removed", removedOn: "2026-06-14" });
  });
  it("stays dropped after it", () => {
    expect(decide(scr("2025-06-14"), "2026-06-15", twelve).state).toBe("removed");
    expect(decide(scr("2019-01-01"), "2026-11-26", twelve).state).toBe("removed");
  });
  it("is listed on its publication day", () => {
    expect(decide(scr("2026-11-26"), "2026-11-26", twelve).state).toBe("listed");
  });
  it("published on 29 February is dropped from 28 February the next year", () => {
    expect(decide(scr("2024-02-29"), "2025-02-27", twelve).state).toBe("listed");
    expect(decide(scr("2024-02-29"), "2025-02-28", twelve)).toEqual({ state: "removed", removedOn: "2025-02-28" });
    expect(removalDate("2024-02-29", twelve)).toBe("2025-02-28");
  });
  it("published on 28 February before a leap year is dropped on 28 February, not 29", () => {
    expect(removalDate("2023-02-28", twelve)).toBe("2024-02-28");
    expect(decide(scr("2023-02-28"), "2024-02-28", twelve).state).toBe("removed");
  });
  // The rule compares calendar dates, which no clock change can move: what does cross midnight and the clock
  // changes, turning an instant into London's date, is tested with londonDateAt and resolveBuildDate.
  it("published on a day the clocks change, leaves on that date a year later, like any other date", () => {
    expect(decide(scr("2024-03-31"), "2025-03-30", twelve).state).toBe("listed");
    expect(decide(scr("2024-03-31"), "2025-03-31", twelve).state).toBe("removed");
    expect(decide(scr("2024-10-27"), "2025-10-26", twelve).state).toBe("listed");
    expect(decide(scr("2024-10-27"), "2025-10-27", twelve).state).toBe("removed");
  });
  it("with a retention of 1 month, leaves on the same day a month on, or on the last day of a shorter month", () => {
    const one = { retentionMonths: 1 };
    expect(decide(scr("2026-01-15"), "2026-02-14", one)).toEqual({ state: "listed", removalDate: "2026-02-15" });
    expect(decide(scr("2026-01-15"), "2026-02-15", one)).toEqual({ state: "removed", removedOn: "2026-02-15" });
    expect(decide(scr("2026-01-31"), "2026-02-27", one).state).toBe("listed");
    expect(decide(scr("2026-01-31"), "2026-02-28", one)).toEqual({ state: "removed", removedOn: "2026-02-28" });
    // In a leap year the end of February is the 29th.
    expect(decide(scr("2024-01-31"), "2024-02-28", one).state).toBe("listed");
    expect(decide(scr("2024-01-31"), "2024-02-29", one)).toEqual({ state: "removed", removedOn: "2024-02-29" });
    expect(decide(scr("2025-12-31"), "2026-01-30", one).state).toBe("listed");
    expect(decide(scr("2025-12-31"), "2026-01-31", one).state).toBe("removed");
  });
  it("with a retention of 24 months (another partnership's), leaves two years on: 29 February on 28 February, or on 29 February in a leap year", () => {
    const two = { retentionMonths: 24 };
    expect(decide(scr("2024-02-29"), "2026-02-27", two)).toEqual({ state: "listed", removalDate: "2026-02-28" });
    expect(decide(scr("2024-02-29"), "2026-02-28", two)).toEqual({ state: "removed", removedOn: "2026-02-28" });
    expect(decide(scr("2026-02-28"), "2028-02-27", two).state).toBe("listed");
    expect(decide(scr("2026-02-28"), "2028-02-28", two).state).toBe("removed");
    expect(removalDate("2024-02-29", { retentionMonths: 48 })).toBe("2028-02-29");
    expect(removalDate("2025-06-14", { retentionMonths: 120 })).toBe("2035-06-14");
  });
  it("says a removed SCR left on its anniversary, not on the day of the build", () => {
    expect(decide(scr("2025-06-14"), "2026-09-01", twelve)).toEqual({ state: "removed", removedOn: "2026-06-14" });
  });
  it("takes the window from the settings, not from the code", () => {
    expect(decide(scr("2025-06-14"), "2025-12-14", { retentionMonths: 6 }).state).toBe("removed");
    expect(decide(scr("2025-06-14"), "2026-06-14", { retentionMonths: 24 }).state).toBe("listed");
  });
});

describe("footnotes and other reviews", () => {
  it("keeps a CSPR however old it is", () => {
    expect(decide(cspr("2019-01-01"), "2026-11-26", twelve)).toEqual({ state: "listed" });
  });
  it("marks withheld and delayed reviews", () => {
    expect(decide(cspr("2025-01-01", "withheld"), "2026-11-26", twelve)).toEqual({ state: "listed", footnote: "withheld" });
    expect(decide(cspr("2025-01-01", "delayed"), "2026-11-26", twelve)).toEqual({ state: "listed", footnote: "delayed" });
  });
  it("keeps a delayed SCR with no date listed, whatever the date", () => {
    expect(decide(scr(undefined, "delayed"), "2040-01-01", twelve)).toEqual({ state: "listed", footnote: "delayed" });
  });
  it("starts a delayed SCR's clock once it has a date", () => {
    expect(decide(scr("2025-11-25", "delayed"), "2026-11-24", twelve)).toEqual({ state: "listed", footnote: "delayed", removalDate: "2026-11-25" });
    expect(decide(scr("2025-11-25", "delayed"), "2026-11-25", twelve).state).toBe("removed");
  });
  it("withholds a withheld SCR by the same clock", () => {
    expect(decide(scr("2025-11-25", "withheld"), "2026-11-25", twelve).state).toBe("removed");
  });
  it("does not list a review the day before its publication date, and lists it on the day", () => {
    expect(decide(scr("2026-11-27"), "2026-11-26", twelve)).toEqual({ state: "scheduled", publishesOn: "2026-11-27" });
    expect(decide(cspr("2026-11-27"), "2026-11-26", twelve)).toEqual({ state: "scheduled", publishesOn: "2026-11-27" });
    expect(decide(cspr("2026-11-27"), "2026-11-27", twelve)).toEqual({ state: "listed" });
    expect(decide(scr("2026-11-27"), "2026-11-27", twelve)).toEqual({ state: "listed", removalDate: "2027-11-27" });
  });
  it("does not list a review before its publication date", () => {
    expect(decide(cspr("2026-12-07"), "2026-11-26", twelve)).toEqual({ state: "scheduled", publishesOn: "2026-12-07" });
    expect(decide(scr("2026-12-07"), "2026-11-26", twelve)).toEqual({ state: "scheduled", publishesOn: "2026-12-07" });
  });
});

describe("applyPublicationRules", () => {
  it("shows in the legend only the codes the listed reviews use, in code order", () => {
    const onlyDelayed = applyPublicationRules([cspr("2020-01-01", "delayed"), cspr("2020-01-01")], "2026-11-26", twelve);
    expect(onlyDelayed.legend).toEqual(["delayed"]);
    const both = applyPublicationRules([cspr("2020-01-01", "delayed"), cspr("2020-01-01", "withheld")], "2026-11-26", twelve);
    expect(both.legend).toEqual(["withheld", "delayed"]);
    // A withheld SCR that has been removed no longer puts its code in the legend.
    const removedOnly = applyPublicationRules([scr("2020-01-01", "withheld"), cspr("2020-01-01")], "2026-11-26", twelve);
    expect(removedOnly.legend).toEqual([]);
    expect(removedOnly.removed).toHaveLength(1);
  });
  it("puts each review in exactly one group", () => {
    const reviews = [scr("2020-01-01"), scr("2026-01-01"), cspr("2026-12-01"), cspr(undefined, "delayed")];
    const result = applyPublicationRules(reviews, "2026-11-26", twelve);
    expect(result.listed.map((l) => l.review)).toEqual([reviews[1], reviews[3]]);
    expect(result.removed.map((l) => l.review)).toEqual([reviews[0]]);
    expect(result.scheduled.map((l) => l.review)).toEqual([reviews[2]]);
  });
});

/**
 * An independent oracle for the anniversary, written without luxon: the same
 * day N months on, or the last day of that month when it is shorter.
 */
function oracleAnniversary(published: string, months: number): string {
  const [y, m, d] = published.split("-").map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, daysInMonth);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const isoDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("the rule against an independent oracle", () => {
  it("lists an SCR exactly while the build date is before the anniversary", () => {
    fc.assert(
      fc.property(
        isoDate,
        isoDate,
        fc.integer({ min: 1, max: 36 }),
        fc.constantFrom("published", "withheld", "delayed" as const),
        (published, buildDate, months, status) => {
          const decision = decide(scr(published, status), buildDate, { retentionMonths: months });
          const anniversary = oracleAnniversary(published, months);
          const expected = published > buildDate ? "scheduled" : buildDate < anniversary ? "listed" : "removed";
          expect(decision.state).toBe(expected);
          if (decision.state === "removed") expect(decision.removedOn).toBe(anniversary);
          if (decision.state === "listed") expect(decision.removalDate).toBe(anniversary);
        },
      ),
      { numRuns: 2000 },
    );
  });
  it("never drops a CSPR that has been published", () => {
    fc.assert(
      fc.property(isoDate, isoDate, (published, buildDate) => {
        const state = decide(cspr(published), buildDate, twelve).state;
        expect(state).toBe(published > buildDate ? "scheduled" : "listed");
      }),
      { numRuns: 1000 },
    );
  });
});
