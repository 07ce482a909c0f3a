import { describe, expect, it } from "vitest";
import { BuildDateError, resolveBuildDate, todaysBuildDate } from "../../../src/rules/build-date.ts";
import { inEveryMachineZone } from "../../helpers/zones.ts";

const never = () => {
  throw new Error("the clock should not be read");
};

describe("resolveBuildDate", () => {
  it("takes BUILD_DATE as a calendar date", () => expect(resolveBuildDate({ BUILD_DATE: "2026-11-26" }, never)).toBe("2026-11-26"));

  it("reads a UTC date-time late in the evening as the same day in winter (London is on GMT)", () => {
    expect(resolveBuildDate({ BUILD_DATE: "2026-11-25T23:30:00Z" }, never)).toBe("2026-11-25");
  });

  it("reads a UTC date-time late in the evening as the next day in summer (London is on BST)", () => {
    expect(resolveBuildDate({ BUILD_DATE: "2026-06-30T23:30:00Z" }, never)).toBe("2026-07-01");
  });

  it("honours an explicit offset", () => {
    expect(resolveBuildDate({ BUILD_DATE: "2026-11-26T00:30:00+02:00" }, never)).toBe("2026-11-25");
    expect(resolveBuildDate({ BUILD_DATE: "2026-11-26T00:30:00+0000" }, never)).toBe("2026-11-26");
  });

  it("gets the days the clocks change right", () => {
    // Clocks go forward at 01:00 UTC on 2025-03-30: 00:59 UTC is 00:59 GMT, 01:00 UTC is 02:00 BST, same day.
    expect(resolveBuildDate({ BUILD_DATE: "2025-03-29T23:59:59Z" }, never)).toBe("2025-03-29");
    expect(resolveBuildDate({ BUILD_DATE: "2025-03-30T00:59:00Z" }, never)).toBe("2025-03-30");
    expect(resolveBuildDate({ BUILD_DATE: "2025-03-30T23:30:00Z" }, never)).toBe("2025-03-31");
    // Clocks go back at 01:00 UTC on 2025-10-26: 23:30 UTC the day before is 00:30 BST on the 26th.
    expect(resolveBuildDate({ BUILD_DATE: "2025-10-25T23:30:00Z" }, never)).toBe("2025-10-26");
    expect(resolveBuildDate({ BUILD_DATE: "2025-10-26T23:30:00Z" }, never)).toBe("2025-10-26");
  });

  it.each([
    ["2026-03-29T00:59:59Z", "2026-03-29"],
    ["2026-03-29T01:00:00Z", "2026-03-29"],
    ["2026-03-29T22:59:59Z", "2026-03-29"],
    ["2026-03-29T23:00:00Z", "2026-03-30"],
    ["2026-10-24T23:00:00Z", "2026-10-25"],
    ["2026-10-25T00:59:00Z", "2026-10-25"],
    ["2026-10-25T01:00:00Z", "2026-10-25"],
    ["2026-10-25T23:59:59Z", "2026-10-25"],
    ["2026-10-26T00:00:00Z", "2026-10-26"],
    ["2026-01-16T03:00:00Z", "2026-01-16"],
  ])("takes %s, as BUILD_DATE, SOURCE_DATE_EPOCH or the clock, as %s in London, whatever the machine's zone", (instant, date) => {
    const seconds = String(Date.parse(instant) / 1000);
    inEveryMachineZone(() => {
      expect(resolveBuildDate({ BUILD_DATE: instant }, never)).toBe(date);
      expect(resolveBuildDate({ SOURCE_DATE_EPOCH: seconds }, never)).toBe(date);
      expect(resolveBuildDate({}, () => new Date(instant))).toBe(date);
    });
  });

  it("falls back to SOURCE_DATE_EPOCH, in London", () => {
    expect(resolveBuildDate({ SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 26, 12) / 1000) }, never)).toBe("2026-11-26");
    expect(resolveBuildDate({ SOURCE_DATE_EPOCH: String(Date.UTC(2026, 5, 30, 23, 30) / 1000) }, never)).toBe("2026-07-01");
  });

  it("prefers BUILD_DATE to SOURCE_DATE_EPOCH", () => {
    expect(resolveBuildDate({ BUILD_DATE: "2020-01-01", SOURCE_DATE_EPOCH: "1764115200" }, never)).toBe("2020-01-01");
  });

  it("falls back to the clock, as a London date", () => {
    expect(resolveBuildDate({}, () => new Date("2025-10-25T23:30:00Z"))).toBe("2025-10-26");
    expect(resolveBuildDate({ BUILD_DATE: "", SOURCE_DATE_EPOCH: " " }, () => new Date("2026-01-01T12:00:00Z"))).toBe("2026-01-01");
  });

  it.each([
    ["BUILD_DATE", "2026-02-30"],
    ["BUILD_DATE", "26-11-2026"],
    ["BUILD_DATE", "tomorrow"],
    ["BUILD_DATE", "2026-11-26T10:00:00"],
    ["BUILD_DATE", "2026-11-26T25:00:00Z"],
    ["SOURCE_DATE_EPOCH", "abc"],
    ["SOURCE_DATE_EPOCH", "-5"],
    ["SOURCE_DATE_EPOCH", "1.5"],
    ["SOURCE_DATE_EPOCH", "99999999999999999999"],
  ])("fails on %s=%s with a message naming the variable", (name, value) => {
    const attempt = () => resolveBuildDate({ [name]: value }, never);
    expect(attempt).toThrow(BuildDateError);
    expect(attempt).toThrow(new RegExp(`^${name} is "${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`));
  });

  it.each([
    ["BUILD_DATE", "0001-01-01"],
    ["BUILD_DATE", "1969-12-31"],
    ["BUILD_DATE", "1969-12-31T12:00:00Z"],
    ["BUILD_DATE", "+010000-01-01T00:00:00Z"],
    ["SOURCE_DATE_EPOCH", "99999999999999"],
    ["SOURCE_DATE_EPOCH", "253402300800"],
  ])("refuses %s=%s, outside the years 1970 to 9999, naming the variable", (name, value) => {
    const attempt = () => resolveBuildDate({ [name]: value }, never);
    expect(attempt).toThrow(BuildDateError);
    expect(attempt).toThrow(`${name} is "${value}", which is outside the years 1970 to 9999 that the site can date. Expected`);
  });

  it("accepts the first and last days it can date", () => {
    expect(resolveBuildDate({ BUILD_DATE: "1970-01-01" }, never)).toBe("1970-01-01");
    expect(resolveBuildDate({ BUILD_DATE: "9999-12-31" }, never)).toBe("9999-12-31");
    expect(resolveBuildDate({ SOURCE_DATE_EPOCH: "0" }, never)).toBe("1970-01-01");
    expect(resolveBuildDate({ SOURCE_DATE_EPOCH: "253402300799" }, never)).toBe("9999-12-31");
  });

  it("keeps the message short when the variable is long", () => {
    expect(() => resolveBuildDate({ BUILD_DATE: "x".repeat(5000) }, never)).toThrow(/^BUILD_DATE is "x{50,}\.\.\., which is not a date\. .{0,200}$/);
  });
});

describe("the date a command that publishes the live site builds at", () => {
  const today = "2026-11-26";
  it("is today, with no BUILD_DATE or with today's, and never SOURCE_DATE_EPOCH's", () => {
    expect(todaysBuildDate({}, today, "npm run rollback")).toBe(today);
    expect(todaysBuildDate({ BUILD_DATE: " " }, today, "npm run rollback")).toBe(today);
    expect(todaysBuildDate({ BUILD_DATE: today }, today, "npm run rollback")).toBe(today);
    expect(todaysBuildDate({ BUILD_DATE: "2026-11-26T01:30:00Z" }, today, "npm run rollback")).toBe(today);
    expect(todaysBuildDate({ SOURCE_DATE_EPOCH: "1700000000" }, today, "npm run rollback")).toBe(today);
  });

  it("refuses an earlier or a later BUILD_DATE, naming the command and the preview to build instead", () => {
    expect(() => todaysBuildDate({ BUILD_DATE: "2026-11-25" }, today, "npm run fallback")).toThrow(
      /^BUILD_DATE is 2026-11-25, before today \(2026-11-26\)\. npm run fallback publishes the live site.*keep online the reviews whose removal date has come since.*Unset BUILD_DATE for npm run fallback\..*BUILD_DATE=2026-11-25 npm run build -- --out _preview\.$/,
    );
    expect(() => todaysBuildDate({ BUILD_DATE: "2026-11-27" }, today, "the nightly job")).toThrow(
      /^BUILD_DATE is 2026-11-27, after today \(2026-11-26\)\..*not public yet.*BUILD_DATE=2026-11-27 npm run build -- --out _preview --future-date\.$/,
    );
    expect(() => todaysBuildDate({ BUILD_DATE: "26/11/2026" }, today, "the nightly job")).toThrow(BuildDateError);
  });
});
