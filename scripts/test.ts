/**
 * `npm test`: every step, in order, even after one fails:
 *   1. make sure Chromium and nginx are installed (scripts/ensure-test-tools.sh);
 *   2. check formatting and lint of the files git tracks (Biome, `npm run lint`);
 *   3. check that folders import only from folders before them (dependency-cruiser, `npm run deps`);
 *   4. type-check (`npm run typecheck`);
 *   5. run every Vitest project (unit, build, browser, content: `npm run test:vitest`);
 *   6. run the accessibility check over every page of this repository's own site (`npm run test:a11y`).
 * Then one closing line, `Tests: N passed, N failed`, naming each step that failed and the first file, test or
 * page it named (tools/test-steps.ts), and a non-zero exit if any step failed.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { failedStepsText, firstFailingTest, firstProblem, type VitestReport } from "../tools/test-steps.ts";

const REPORT = "test-results/vitest.json";
const steps: { name: string; command: string[] }[] = [
  { name: "set-up of Chromium and nginx", command: ["bash", "scripts/ensure-test-tools.sh"] },
  { name: "format and lint", command: ["npm", "run", "lint"] },
  { name: "folders depend one way", command: ["npm", "run", "deps"] },
  { name: "typecheck", command: ["npm", "run", "typecheck"] },
  { name: "vitest", command: ["npm", "run", "test:vitest"] },
  { name: "accessibility check", command: ["npm", "run", "test:a11y"] },
];

/** Run one step with its output shown as it comes, and kept, to say where to look if it fails. */
function run([program, ...args]: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(program!, args, { stdio: ["inherit", "pipe", "pipe"] });
    const chunks: string[] = [];
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      chunks.push(chunk.toString());
    });
    child.stderr.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      chunks.push(chunk.toString());
    });
    child.on("error", (error) => resolve({ code: 1, output: error.message }));
    child.on("close", (code) => resolve({ code, output: chunks.join("") }));
  });
}

// A report left by an earlier run must never stand in for this one's.
rmSync(REPORT, { force: true });
const failed: { name: string; where?: string }[] = [];
for (const step of steps) {
  const { code, output } = await run(step.command);
  if (code === 0) continue;
  let where = firstProblem(step.name, output, process.cwd());
  if (step.name === "vitest" && existsSync(REPORT)) where = firstFailingTest(JSON.parse(readFileSync(REPORT, "utf8")) as VitestReport, process.cwd());
  failed.push(where ? { name: step.name, where } : { name: step.name });
}

let line: string;
let passed = failed.length === 0;
if (existsSync(REPORT)) {
  const report = JSON.parse(readFileSync(REPORT, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  const skipped = report.numPendingTests ? `, ${report.numPendingTests} skipped` : "";
  line = `Tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped}`;
  if (report.numFailedTests > 0) passed = false;
} else {
  line = "Tests: 0 passed, 0 failed (Vitest wrote no report: see its output above)";
  passed = false;
}
console.log(failed.length ? `${line}; failed steps: ${failedStepsText(failed)}` : line);
process.exitCode = passed ? 0 : 1;
