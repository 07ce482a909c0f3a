/**
 * `npm run deps` (a step of `npm test`): folders import only from the folders before them
 * (README, "How the code is laid out"; the rules in .dependency-cruiser.cjs). Runs dependency-cruiser,
 * then says each forbidden import in words, and fails as well if any TypeScript file was not read:
 * without a TypeScript parser dependency-cruiser reads nothing and finds nothing wrong.
 */
import { spawnSync } from "node:child_process";
import { globSync } from "tinyglobby";

const SCOPE = ["src", "scripts", "pages", ".eleventy.ts"];
interface Rule {
  name: string;
  comment?: string;
}
interface Report {
  modules: { source: string }[];
  summary: { violations: { from: string; to: string; rule: { name: string } }[]; ruleSetUsed: { forbidden?: Rule[] } };
}

const run = spawnSync(
  process.execPath,
  ["node_modules/dependency-cruiser/bin/dependency-cruise.mjs", ...SCOPE, "--config", ".dependency-cruiser.cjs", "--output-type", "json"],
  {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  },
);
if (run.status !== 0 && !run.stdout.trim().startsWith("{")) {
  console.error(`dependency-cruiser did not run (exit ${run.status}):\n${run.stderr}\nRun npm ci, then npm run deps again.`);
  process.exit(1);
}
const report = JSON.parse(run.stdout) as Report;
const read = new Set(report.modules.map((module) => module.source));
const unread = globSync(["src/**/*.ts", "scripts/**/*.ts", "pages/**/*.ts", ".eleventy.ts"], { dot: true }).filter((file) => !read.has(file));
const comments = new Map((report.summary.ruleSetUsed.forbidden ?? []).map((rule) => [rule.name, rule.comment ?? ""]));
const problems = [
  ...report.summary.violations.map(
    ({ from, to, rule }) => `${from} imports ${to}, which is later in the order (rule ${rule.name}). ${comments.get(rule.name)}`,
  ),
  ...(unread.length > 0
    ? [
        `dependency-cruiser did not read ${unread.length} TypeScript ${unread.length === 1 ? "file" : "files"} (${unread.slice(0, 3).join(", ")}${unread.length > 3 ? ", …" : ""}), so it could not check ${unread.length === 1 ? "its" : "their"} imports. Its TypeScript parser (@swc/core) is missing or failed: run npm ci, then npm run deps again.`,
      ]
    : []),
];
if (problems.length > 0) {
  console.error(
    `Folders must depend one way (README, "How the code is laid out"; rules in .dependency-cruiser.cjs). ${problems.length} ${problems.length === 1 ? "problem" : "problems"}:`,
  );
  for (const [i, problem] of problems.entries()) console.error(`  ${i + 1}. ${problem}`);
  process.exitCode = 1;
} else {
  console.log(`Folders depend one way: ${read.size} modules read, no import from a later folder.`);
}
