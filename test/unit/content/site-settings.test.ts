import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../../../src/model/problems.ts";
import { loadSiteSettings } from "../../../src/content/site-settings.ts";
import { fixtureSite } from "../../helpers/site.ts";
import { temporaryFolder } from "../../helpers/temporary.ts";

function load(value: unknown): unknown {
  const file = path.join(temporaryFolder("lr-site-"), "site.json");
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value, null, 2));
  return loadSiteSettings(file);
}

function problemsOf(value: unknown): string[] {
  try {
    load(value);
  } catch (error) {
    if (error instanceof DataError) return error.message.split("\n").slice(2);
    throw error;
  }
  throw new Error("expected a DataError");
}

describe("site settings", () => {
  it("accepts a full, valid settings file", () => {
    expect(load(fixtureSite())).toMatchObject({ retentionMonths: 12, areas: { northshire: "Northshire" } });
  });

  it.each(["2025-02-30", "25/06/2025", "2025-6-25"])("refuses the accessibility statement's date %j, in plain words", (date) => {
    const site = fixtureSite();
    (site.accessibility as Record<string, unknown>).testedOn = date;
    expect(problemsOf(site)).toEqual([
      expect.stringContaining(`field "accessibility.testedOn": expected the date the site was last tested, written YYYY-MM-DD, got "${date}"`),
    ]);
  });

  it("lists every problem with its field", () => {
    const site = fixtureSite();
    site.retentionMonths = "twelve";
    site.url = "http://reviews.example.org";
    (site.footnotes as Record<string, unknown>).withheld = { code: "*", text: "x" };
    site.colour = "blue";
    const problems = problemsOf(site);
    expect(problems).toHaveLength(4);
    expect(problems.join("\n")).toMatch(/field "url": expected the site's public address, starting https:\/\//);
    expect(problems.join("\n")).toMatch(/field "retentionMonths": expected a whole number of months, got "twelve"/);
    expect(problems.join("\n")).toMatch(/field "footnotes.withheld.label": this field is missing/);
    expect(problems.join("\n")).toMatch(/field "colour": unknown field "colour"/);
  });

  it("rejects a retention period that is not a whole number of months", () => {
    expect(problemsOf({ ...fixtureSite(), retentionMonths: 12.5 }).join()).toContain('field "retentionMonths": expected a whole number of months, got 12.5');
    expect(problemsOf({ ...fixtureSite(), retentionMonths: 0 }).join()).toContain('field "retentionMonths": expected at least 1 month');
  });

  it("reports invalid JSON with line and column", () => {
    expect(problemsOf('{\n  "url": "https://x.org",\n}')[0]).toMatch(/_data\/site.json, line 3, column 1: the file is not valid JSON/);
  });

  it("refuses a field given twice, naming the field and line", () => {
    const text = JSON.stringify(fixtureSite(), null, 2).replace('"retentionMonths": 12,', '"retentionMonths": 12,\n  "retentionMonths": 120,');
    const line = text.split("\n").findIndex((l) => l.includes('"retentionMonths": 120')) + 1;
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^  1\\. _data/site.json, line ${line}, field "retentionMonths": "retentionMonths" is given twice here \\(first on line ${line - 1}, again on line ${line}\\)`,
        ),
      ),
    ]);
  });

  it.each(["__proto__", "constructor"])("refuses the area key %j with a clear message", (key) => {
    const text = JSON.stringify(fixtureSite(), null, 2).replace('"areas": {', `"areas": {\n    "${key}": "Somewhere",`);
    const line = text.split("\n").findIndex((l) => l.includes(`"${key}"`)) + 1;
    expect(problemsOf(text)).toEqual([
      `  1. _data/site.json, line ${line}, field "areas.${key}": "${key}" cannot be used as a name here: the program that builds the site gives it a special meaning. Use another name.`,
    ]);
  });

  it("refuses a control character in any text, naming the field", () => {
    const site = fixtureSite();
    (site.partnership as Record<string, unknown>).name = "Northshire\u000cSouthvale";
    expect(problemsOf(site)).toEqual([expect.stringContaining('field "partnership.name": the text has a control character (U+000C) at character 11')]);
  });

  it.each([
    [
      "https://user:pass@reviews.example.org/",
      'field "url": the site\'s public address must not contain a user name or password (the part before "@"); expected an address such as https://www.example.org/reviews.',
    ],
    ["https://admin:pass@reviews.example.org/?a=1", 'field "url": the site\'s public address must not contain a user name or password'],
    ["https://admin@reviews.example.org/", 'field "url": the site\'s public address must not contain a user name or password'],
    [
      "https://reviews.example.org/?utm=1",
      'field "url": expected the site\'s public address without "?" or "#" and what follows them, e.g. https://www.example.org/reviews, got "https://reviews.example.org/?utm=1".',
    ],
    ["https://reviews.example.org/#top", 'field "url": expected the site\'s public address without "?" or "#"'],
    ["https://reviews.example.org/?", 'field "url": expected the site\'s public address without "?" or "#"'],
  ])("refuses the site address %s", (url, message) => {
    const problems = problemsOf({ ...fixtureSite(), url });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
    expect(problems[0]).not.toContain("pass@");
  });

  it.each(["https://www.example.org/review", "https://www.example.org/reviews/", "https://reviews.example.org"])("accepts the site address %s", (url) => {
    expect(load({ ...fixtureSite(), url })).toMatchObject({ url });
  });

  it("refuses oversized texts with short messages", () => {
    const site = fixtureSite();
    (site.partnership as Record<string, unknown>).name = "N".repeat(5000);
    site.areas = { ...(site.areas as object), ["a".repeat(61)]: "Somewhere", preston: "P".repeat(101) };
    const problems = problemsOf(site);
    expect(problems).toEqual([
      expect.stringContaining('field "partnership.name": this text is 5,000 characters long; the most allowed is 200. Shorten it.'),
      expect.stringContaining(`field "areas.${"a".repeat(61)}": this text is 61 characters long; the most allowed is 60. Shorten it.`),
      expect.stringContaining('field "areas.preston": this text is 101 characters long; the most allowed is 100. Shorten it.'),
    ]);
    for (const problem of problems) expect(problem.length).toBeLessThan(300);
  });

  it("reports deeply nested JSON with the file name", () => {
    expect(problemsOf("[".repeat(100_000))).toEqual([expect.stringMatching(/^ {2}1\. _data\/site.json, line 1, column \d+: the file is nested too deeply/)]);
  });
});
