/**
 * For the CI workflow's job summary: after `npm test`, say in Markdown which
 * tests failed and, for the accessibility check, which page failed which rule,
 * so that whoever proposed the change sees what to fix without reading the log.
 * Reads test-results/vitest.json and test-results/pa11y.json (in the folder given, default the
 * working folder) when they exist.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(process.argv[2] ?? ".");
const results = (file: string) => path.join(root, "test-results", file);

const lines: string[] = ["## Test results", ""];
const escapeCell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

if (existsSync(results("vitest.json"))) {
  const report = JSON.parse(readFileSync(results("vitest.json"), "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: { name: string; assertionResults: { status: string; fullName: string; failureMessages: string[] }[] }[];
  };
  lines.push(`Vitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed.`, "");
  const failed = report.testResults.flatMap((file) =>
    file.assertionResults.filter((test) => test.status === "failed").map((test) => ({ file: path.relative(root, file.name), test })),
  );
  if (failed.length) {
    lines.push("| test file | test | first line of the failure |", "|---|---|---|");
    for (const { file, test } of failed)
      lines.push(`| ${escapeCell(file)} | ${escapeCell(test.fullName)} | ${escapeCell((test.failureMessages[0] ?? "").split("\n")[0] ?? "")} |`);
    lines.push("");
  }
}

if (existsSync(results("pa11y.json"))) {
  const report = JSON.parse(readFileSync(results("pa11y.json"), "utf8")) as {
    total: number;
    passes: number;
    errors: number;
    results: Record<string, { code?: string; message: string; selector?: string }[]>;
  };
  lines.push(`Accessibility check (pa11y-ci, WCAG 2.2 AA): ${report.passes} of ${report.total} page checks passed.`, "");
  const failing = Object.entries(report.results).filter(([, issues]) => issues.length > 0);
  if (failing.length) {
    lines.push("| page | rule | what is wrong | where |", "|---|---|---|---|");
    for (const [url, issues] of failing) {
      const page = new URL(url).pathname + new URL(url).search;
      for (const issue of issues)
        lines.push(`| ${escapeCell(page)} | ${escapeCell(issue.code ?? "")} | ${escapeCell(issue.message)} | \`${escapeCell(issue.selector ?? "")}\` |`);
    }
    lines.push("");
  }
}

console.log(lines.join("\n"));
