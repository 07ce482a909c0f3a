/**
 * `npm test`: every step, in order, even after one fails: make sure Chromium and
 * nginx are installed (scripts/ensure-test-tools.sh), check formatting and lint (Biome), check that
 * folders import only from folders before them (dependency-cruiser, .dependency-cruiser.cjs), type-check, run every Vitest project,
 * run the accessibility check over this repository's own site; then one closing
 * line, `Tests: N passed, N failed` (scripts/test-summary.ts), and a non-zero
 * exit if any step failed.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

const steps: { name: string; command: string[] }[] = [
  { name: "set-up of Chromium and nginx", command: ["bash", "scripts/ensure-test-tools.sh"] },
  { name: "format and lint", command: ["npm", "run", "lint"] },
  { name: "folders depend one way", command: ["npm", "run", "deps"] },
  { name: "typecheck", command: ["npm", "run", "typecheck"] },
  { name: "vitest", command: ["npm", "run", "test:vitest"] },
  { name: "accessibility check", command: ["npm", "run", "test:a11y"] },
];

// A report left by an earlier run must never stand in for this one's.
rmSync("test-results/vitest.json", { force: true });
const failed = steps.filter(({ command: [program, ...args] }) => spawnSync(program!, args, { stdio: "inherit" }).status !== 0).map((step) => step.name);
const summary = spawnSync(process.execPath, ["--import", "tsx", "scripts/test-summary.ts", ...failed], { stdio: "inherit" });
process.exitCode = failed.length > 0 || summary.status !== 0 ? 1 : 0;
