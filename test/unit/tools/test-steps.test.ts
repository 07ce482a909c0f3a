import { describe, expect, it } from "vitest";
import { failedStepsText, firstFailingTest, firstProblem } from "../../../tools/test-steps.ts";

describe("where to look when a step of npm test fails", () => {
  it("names Biome's first file, line and rule, colour codes and all", () => {
    const output = [
      "\x1b[1msrc/odd name/a.ts:2:7 lint/suspicious/noDoubleEquals\x1b[0m  FIXABLE  ━━━━━━",
      "",
      "  × Using == may be unsafe",
      "src/b.ts format ━━━━━━━━",
    ].join("\n");
    expect(firstProblem("format and lint", output)).toBe("src/odd name/a.ts:2:7 (lint/suspicious/noDoubleEquals)");
  });

  it("does not take npm's own header line for a file", () => {
    expect(firstProblem("format and lint", "\n> learning-reviews@0.1.0 lint\n> biome check .\n\ntools/bench.ts format ━━━━━━\n")).toBe(
      "tools/bench.ts (format)",
    );
  });

  it("names a file Biome would only reformat", () => {
    expect(firstProblem("format and lint", "Checked 3 files\ntest/x.test.ts format ━━━━━━\n")).toBe("test/x.test.ts (format)");
  });

  it("names TypeScript's first error with its code, relative to the project", () => {
    const output = "/p/src/zz.ts(1,7): error TS2322: Type 'string' is not assignable to type 'number'.\nsrc/y.ts(3,1): error TS6133: x";
    expect(firstProblem("typecheck", output, "/p")).toBe("src/zz.ts:1:7 (TS2322: Type 'string' is not assignable to type 'number'.)");
  });

  it("names the first import against the folders' order", () => {
    const output =
      "Folders must depend one way (…). 2 problems:\n  1. src/model/a.ts imports src/release/b.ts, which is later\n  2. src/x.ts imports src/y.ts, which";
    expect(firstProblem("folders depend one way", output)).toBe("src/model/a.ts imports src/release/b.ts");
  });

  it("names the first page the accessibility check failed, with its count", () => {
    const output = " > http://127.0.0.1:4000/reviews/a/ - 1 errors\n > http://127.0.0.1:4000/b/ - 3 errors";
    expect(firstProblem("accessibility check", output)).toBe("http://127.0.0.1:4000/reviews/a/ (1 error)");
  });

  it("says nothing when the output names no file, rather than guess", () => {
    expect(firstProblem("format and lint", "Found 2 errors.\n")).toBeUndefined();
    expect(firstProblem("set-up of Chromium and nginx", "chromium is missing")).toBeUndefined();
  });

  it("names the first failing test by file and full name, skipping files that passed", () => {
    const report = {
      testResults: [
        { name: "/p/test/unit/a.test.ts", status: "passed", assertionResults: [{ status: "passed", fullName: "a works" }] },
        { name: "/p/test/build/b.test.ts", status: "failed", assertionResults: [{ status: "passed" }, { status: "failed", fullName: "b › keeps SCRs" }] },
      ],
    };
    expect(firstFailingTest(report, "/p")).toBe("test/build/b.test.ts › b › keeps SCRs");
  });

  it("names a test file that could not even load", () => {
    const report = { testResults: [{ name: "test/c.test.ts", status: "failed", message: "Cannot find module x\n  at …", assertionResults: [] }] };
    expect(firstFailingTest(report)).toBe("test/c.test.ts (Cannot find module x)");
    expect(firstFailingTest({ testResults: [] })).toBeUndefined();
  });

  it("lists each failed step with where to look when known", () => {
    expect(failedStepsText([{ name: "format and lint", where: "src/a.ts:2:7 (format)" }, { name: "vitest" }])).toBe(
      "format and lint (first: src/a.ts:2:7 (format)); vitest",
    );
  });
});
