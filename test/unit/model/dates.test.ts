import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { addMonths, daysBetween, isIsoDate, londonDateAt, readableDate } from "../../../src/model/dates.ts";
import { inEveryMachineZone } from "../../helpers/zones.ts";

/** When UK clocks change (the rule since 1996): 01:00 UTC on the last Sunday of the month (0-based), in milliseconds. */
function ukClockChange(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** An independent oracle, in UTC arithmetic only: the London date at an instant, GMT in winter and BST (UTC+1) in summer. */
function oracleLondonDate(ms: number): string {
  const year = new Date(ms).getUTCFullYear();
  const summer = ms >= ukClockChange(year, 2) && ms < ukClockChange(year, 9);
  return new Date(ms + (summer ? 3_600_000 : 0)).toISOString().slice(0, 10);
}

describe("isIsoDate", () => {
  it.each(["2024-02-29", "2023-12-31", "2000-02-29"])("accepts the real date %s", (d) => expect(isIsoDate(d)).toBe(true));
  it.each(["2023-02-29", "2023-02-30", "2023-13-01", "2023-00-10", "1900-02-29", "23-02-01", "2023-2-1", "2023/02/01", "2023-02-01T00:00", "", " 2023-02-01"])(
    "rejects %j",
    (d) => expect(isIsoDate(d)).toBe(false),
  );
  it("rejects non-strings", () => {
    expect(isIsoDate(20230201)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe("calendar arithmetic", () => {
  it("keeps the day of the month", () => expect(addMonths("2025-06-14", 12)).toBe("2026-06-14"));
  it("clamps 29 February to the end of a shorter February", () => expect(addMonths("2024-02-29", 12)).toBe("2025-02-28"));
  it("clamps 31 August plus six months", () => expect(addMonths("2025-08-31", 6)).toBe("2026-02-28"));
  it("adds one month to the end of a month: the end of the next, shorter, month", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-03-31", 1)).toBe("2026-04-30");
    expect(addMonths("2026-04-30", 1)).toBe("2026-05-30");
    expect(addMonths("2025-12-31", 1)).toBe("2026-01-31");
    expect(addMonths("2026-02-28", 1)).toBe("2026-03-28");
  });
  it("adds 24 and 48 months to 29 February: the 28th in a common year, the 29th in a leap year", () => {
    expect(addMonths("2024-02-29", 24)).toBe("2026-02-28");
    expect(addMonths("2024-02-29", 48)).toBe("2028-02-29");
    expect(addMonths("2023-02-28", 12)).toBe("2024-02-28");
    expect(addMonths("2099-02-28", 12)).toBe("2100-02-28");
  });
  it("adds 120 months, the longest retention the settings allow, and 0", () => {
    expect(addMonths("2025-06-14", 120)).toBe("2035-06-14");
    expect(addMonths("2025-06-14", 0)).toBe("2025-06-14");
  });
  it("counts days across the clock change", () => {
    expect(daysBetween("2025-03-29", "2025-03-30")).toBe(1);
    expect(daysBetween("2025-03-30", "2025-03-31")).toBe(1);
    expect(daysBetween("2025-03-29", "2025-03-31")).toBe(2);
    expect(daysBetween("2025-10-25", "2025-10-27")).toBe(2);
  });
});

describe("londonDateAt: the date in London at an instant, across midnight and the clock changes", () => {
  it.each([
    // 2026: clocks go forward at 01:00 UTC on 29 March (01:00 GMT becomes 02:00 BST), back at 01:00 UTC on 25 October.
    ["2026-03-28T23:59:59Z", "2026-03-28", "the last second of 28 March, GMT"],
    ["2026-03-29T00:00:00Z", "2026-03-29", "midnight GMT on the day the clocks go forward"],
    ["2026-03-29T00:59:59Z", "2026-03-29", "00:59:59 GMT, the last second before the clocks go forward"],
    ["2026-03-29T01:00:00Z", "2026-03-29", "02:00 BST, the first second after"],
    ["2026-03-29T22:59:59Z", "2026-03-29", "23:59:59 BST, the last second of the day"],
    ["2026-03-29T23:00:00Z", "2026-03-30", "the first midnight in BST, an hour before midnight UTC"],
    ["2026-10-24T22:59:59Z", "2026-10-24", "23:59:59 BST, the evening before the clocks go back"],
    ["2026-10-24T23:00:00Z", "2026-10-25", "the last midnight in BST"],
    ["2026-10-25T00:59:59Z", "2026-10-25", "01:59:59 BST, the last second before the clocks go back"],
    ["2026-10-25T01:00:00Z", "2026-10-25", "01:00 GMT, the hour that comes twice"],
    ["2026-10-25T23:59:59Z", "2026-10-25", "23:59:59 GMT, the day the clocks went back"],
    ["2026-10-26T00:00:00Z", "2026-10-26", "the first midnight in GMT"],
    ["2026-07-15T23:30:00Z", "2026-07-16", "23:30 UTC in summer: already the next day in London"],
    ["2026-01-15T23:30:00Z", "2026-01-15", "23:30 UTC in winter: still the same day"],
    ["2026-01-16T03:00:00Z", "2026-01-16", "03:00 UTC: the next day in London, still the day before in New York"],
    ["2026-07-16T12:00:00+14:00", "2026-07-15", "an instant written in another zone: London's date, not that zone's"],
  ])("%s is %s in London (%s), whatever the machine's zone", (instant, date) => {
    inEveryMachineZone(() => {
      expect(londonDateAt(DateTime.fromISO(instant, { setZone: true }).toJSDate())).toBe(date);
      expect(londonDateAt(new Date(instant))).toBe(date);
    });
  });

  it("agrees with an oracle of the UK's clock rule at any instant from 1996 to 2040, in any zone the instant is held in", () => {
    const instants = fc.oneof(
      fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2040, 11, 31) }),
      // Near the moments that matter: midnight in London, and the clock changes, give or take two hours.
      fc
        .tuple(fc.integer({ min: 1996, max: 2040 }), fc.constantFrom(2, 9), fc.integer({ min: -2 * 3600, max: 2 * 3600 }), fc.constantFrom(0, -1, 22, 23))
        .map(([year, month, seconds, hours]) => ukClockChange(year, month) + (hours - 1) * 3_600_000 + seconds * 1000),
    );
    fc.assert(
      fc.property(instants, (ms) => {
        expect(londonDateAt(new Date(ms))).toBe(oracleLondonDate(ms));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("the plain calendar arithmetic agrees with luxon's, which it replaced", () => {
  const dates = fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const luxon = (date: string) => DateTime.fromISO(date, { zone: "utc" });

  it("adds any number of months from 0 to 240 to any date from 1900 to 2200 as luxon does", () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 240 }), (date, months) => {
        expect(addMonths(date, months)).toBe(luxon(date).plus({ months }).toISODate());
      }),
      { numRuns: 3000 },
    );
  });

  it("counts the days between any two dates as luxon does", () => {
    fc.assert(
      fc.property(dates, dates, (from, to) => {
        expect(daysBetween(from, to)).toBe(Math.round(luxon(to).diff(luxon(from), "days").days));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes any date as luxon's d MMMM yyyy in en-GB", () => {
    fc.assert(
      fc.property(dates, (date) => {
        expect(readableDate(date)).toBe(luxon(date).setLocale("en-GB").toFormat("d MMMM yyyy"));
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses a date that does not exist, as before", () => {
    expect(() => addMonths("2026-02-30", 1)).toThrow('Could not read "2026-02-30" as a date written YYYY-MM-DD');
    expect(() => daysBetween("2026-01-01", "nope")).toThrow("Could not read");
  });
});

describe("date-only arithmetic is the same in any machine zone", () => {
  it("adds months, counts days and writes dates without a time of day", () => {
    inEveryMachineZone(() => {
      expect(addMonths("2026-03-29", 7)).toBe("2026-10-29");
      expect(addMonths("2025-10-26", 12)).toBe("2026-10-26");
      expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
      expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
      expect(readableDate("2026-03-29")).toBe("29 March 2026");
    });
  });
});

describe("readableDate", () => {
  it("writes a date as people in the UK do", () => {
    expect(readableDate("2017-06-14")).toBe("14 June 2017");
    expect(readableDate("2026-01-01")).toBe("1 January 2026");
  });
  it("refuses what is not a date instead of printing Invalid Date", () => {
    expect(() => readableDate("2023-02-30")).toThrow(/2023-02-30/);
  });
});
