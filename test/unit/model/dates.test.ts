import { describe, expect, it } from "vitest";
import { addMonths, daysBetween, isIsoDate, readableDate } from "../../../src/model/dates.ts";

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
  it("counts days across the clock change", () => {
    expect(daysBetween("2025-03-29", "2025-03-30")).toBe(1);
    expect(daysBetween("2025-03-30", "2025-03-31")).toBe(1);
    expect(daysBetween("2025-03-29", "2025-03-31")).toBe(2);
    expect(daysBetween("2025-10-25", "2025-10-27")).toBe(2);
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
