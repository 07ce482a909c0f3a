/**
 * Prints one closing line for the whole test run, `Tests: N passed, N failed`,
 * from Vitest's JSON report, so that CI logs end with a count anyone can read;
 * the steps of `npm test` that failed (given as arguments) are named after it.
 * Exits non-zero if a test or a step failed, or Vitest wrote no report.
 */
import { existsSync, readFileSync } from "node:fs";

const REPORT = "test-results/vitest.json";
const failedSteps = process.argv.slice(2);
let line: string;
let passed = failedSteps.length === 0;
if (existsSync(REPORT)) {
  const report = JSON.parse(readFileSync(REPORT, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  const skipped = report.numPendingTests ? `, ${report.numPendingTests} skipped` : "";
  line = `Tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped}`;
  if (report.numFailedTests > 0) passed = false;
} else {
  line = `Tests: 0 passed, 0 failed (Vitest wrote no report: see its output above)`;
  passed = false;
}
console.log(failedSteps.length ? `${line}; failed steps: ${failedSteps.join(", ")}` : line);
process.exitCode = passed ? 0 : 1;
