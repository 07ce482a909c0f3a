/**
 * Prints one closing line for the whole test run, `Tests: N passed, N failed`,
 * from Vitest's JSON report, so that CI logs end with a count anyone can read.
 */
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync("test-results/vitest.json", "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
const skipped = report.numPendingTests ? `, ${report.numPendingTests} skipped` : "";
console.log(`Tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped}`);
process.exitCode = report.numFailedTests > 0 ? 1 : 0;
