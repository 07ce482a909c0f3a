/** Messages for a value from a closed list or a date written another way: they say what was probably meant. */
import { describe, expect, it } from "vitest";
import { parseJsonText } from "../../../src/content/json-source.ts";
import { validateReviews } from "../../../src/content/validate.ts";
import { formatProblem } from "../../../src/model/problems.ts";
import { orList } from "../../../src/model/schema-messages.ts";
import { reviewLabel } from "../../../src/content/rules/at-hand.ts";
import { reviewsFolder, validReview } from "../../helpers/reviews.ts";

const folder = reviewsFolder({ "child-a/overview-report.pdf": "%PDF-1.4 sample" });
const AREAS = { "blackburn-with-darwen": "Blackburn with Darwen", blackpool: "Blackpool", "north-and-west": "North & West", lancs: "Lancashire" };

function messageFor(change: Record<string, unknown>): string {
  const { source } = parseJsonText(JSON.stringify([validReview({ area: "blackpool", ...change })], null, 2), "_data/reviews.json");
  const result = validateReviews(source!, { areaKeys: Object.keys(AREAS), areaNames: AREAS, reviewsDir: folder, buildDate: "2026-11-26" });
  expect(result.errors, result.errors.map(formatProblem).join("\n")).toHaveLength(1);
  return result.errors[0]!.message;
}

describe("did you mean, for the values of every closed list", () => {
  it.each([
    [{ type: "cspr" }, '"CSPR"'],
    [{ type: " SCR " }, '"SCR"'],
    [{ type: "Scr" }, '"SCR"'],
    [{ status: "Published" }, '"published"'],
    [{ status: "with held" }, '"withheld"'],
    [{ status: "delayd" }, '"delayed"'],
    [{ area: "Blackpool" }, '"blackpool"'],
    [{ area: "Blackburn with Darwen" }, '"blackburn-with-darwen"'],
    [{ area: "blackburn_with_darwen" }, '"blackburn-with-darwen"'],
    [{ area: "North & West" }, '"north-and-west"'],
    [{ documents: [{ kind: "Overview Report", title: "Overview report", file: "overview-report.pdf" }] }, '"overview-report"'],
    [{ documents: [{ kind: "overview report", title: "Overview report", file: "overview-report.pdf" }] }, '"overview-report"'],
  ])("%j: did you mean %s?", (change, meant) => {
    expect(messageFor(change)).toContain(`did you mean ${meant}?`);
  });

  it("an area given by its name says the name belongs to that key", () => {
    const message = messageFor({ area: "lancashire" });
    expect(message).toContain('did you mean "lancs"?');
    expect(message).toContain('"Lancashire" is the name of the area "lancs"');
  });

  it("no guess for a value that is nothing like any of them, and the list still ends with or", () => {
    const message = messageFor({ type: "inspection" });
    expect(message).not.toContain("did you mean");
    expect(message).toContain('"CSPR" or "SCR"');
  });

  it("a hostile value is quoted and shortened, never echoed whole", () => {
    const message = messageFor({ status: `<script>${"x".repeat(200)}` });
    expect(message.length).toBeLessThan(400);
    expect(message).not.toContain("x".repeat(100));
  });
});

describe("dates written another way", () => {
  it.each([
    ["20/11/2026", "2026-11-20"],
    ["20-11-2026", "2026-11-20"],
    ["20.11.2026", "2026-11-20"],
    ["3/4/2026", "2026-04-03"],
    ["2026/11/20", "2026-11-20"],
    ["20 November 2026", "2026-11-20"],
    ["2026-1-5", "2026-01-05"],
  ])("%s: did you mean %s?", (written, meant) => {
    expect(messageFor({ published: written })).toContain(`did you mean ${meant}?`);
  });

  it("a day/month order that is no real date gets no guess", () => {
    expect(messageFor({ published: "31/02/2026" })).not.toContain("did you mean");
  });

  it("an impossible date's example is the last day of its own month", () => {
    expect(messageFor({ published: "2026-02-30" })).toContain("February 2026 has 28 days");
    expect(messageFor({ published: "2024-02-30" })).toContain("February 2024 has 29 days");
    expect(messageFor({ published: "2025-04-31" })).toContain("April 2025 has 30 days");
    expect(messageFor({ published: "2025-13-01" })).toContain("there are 12 months");
  });
});

describe("lists in messages", () => {
  it.each([
    [["a"], '"a"'],
    [["a", "b"], '"a" or "b"'],
    [["a", "b", "c"], '"a", "b" or "c"'],
    [[], "(none)"],
  ])("%j reads %s", (values, text) => {
    expect(orList(values)).toBe(text);
  });
});

describe("how messages name a review", () => {
  it("a review with a bad id is named without brackets, so a message that brackets it has one level", () => {
    expect(reviewLabel({ id: "Child Z" }, 0)).toBe('review 1 in the list, id "Child Z"');
    expect(reviewLabel({ title: "x" }, 3)).toBe("review 4 in the list, which has no id");
    expect(reviewLabel({ id: "child-z" }, 0)).toBe('review "child-z"');
    expect(reviewLabel({ id: "Child Z" }, 0)).not.toMatch(/[()]/);
  });
});
