/** The CI workflow's job summary (scripts/ci-summary.ts), run as CI runs it: a child process, so not a unit test. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/site.ts";

describe("the CI workflow's summary of a failed run", () => {
  it("the summary names the failing page and rule from pa11y-ci's report, and the failing test", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lr-summary-"));
    try {
      mkdirSync(path.join(dir, "test-results"));
      writeFileSync(
        path.join(dir, "test-results", "pa11y.json"),
        JSON.stringify({
          total: 2,
          passes: 1,
          errors: 1,
          results: {
            "http://127.0.0.1:1234/reviews/x/?width=320": [
              { code: "color-contrast", message: "Elements must meet minimum color contrast ratio thresholds", selector: ".lede" },
            ],
            "http://127.0.0.1:1234/?width=320": [],
          },
        }),
      );
      writeFileSync(
        path.join(dir, "test-results", "vitest.json"),
        JSON.stringify({
          numPassedTests: 3,
          numFailedTests: 1,
          testResults: [
            {
              name: `${dir}/test/a.test.ts`,
              assertionResults: [{ status: "failed", fullName: "a thing | works", failureMessages: ["AssertionError: expected 1 to be 2\n  at line"] }],
            },
          ],
        }),
      );
      const out = execFileSync(process.execPath, ["--import", "tsx", path.join("scripts", "ci-summary.ts"), dir], { cwd: PROJECT_ROOT, encoding: "utf8" });
      expect(out).toContain("| /reviews/x/?width=320 | color-contrast | Elements must meet minimum color contrast ratio thresholds | `.lede` |");
      expect(out).toContain("Accessibility check (pa11y-ci, WCAG 2.2 AA): 1 of 2 page checks passed.");
      expect(out).toContain("| test/a.test.ts | a thing \\| works | AssertionError: expected 1 to be 2 |");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
