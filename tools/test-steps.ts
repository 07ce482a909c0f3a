/**
 * Where to look when a step of `npm test` fails: the first file (or test, or page) its output names, so the
 * closing line can say it instead of leaving the reader to scroll back thousands of lines. Pure: it reads only
 * what it is given (a step's output, Vitest's JSON report).
 */

/** The parts of Vitest's JSON report this reads. */
export interface VitestReport {
  testResults?: { name: string; assertionResults?: { status: string; fullName?: string; title?: string }[]; status?: string; message?: string }[];
}

// ANSI colour codes, which tools print when they think they write to a terminal.
const strip = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");

/** The first problem a step's output names, in words ("src/a.ts:2:7 (lint/suspicious/noDoubleEquals)"), or undefined. */
export function firstProblem(step: string, output: string, root = ""): string | undefined {
  const lines = strip(output).split("\n");
  const find = (pattern: RegExp) => {
    for (const line of lines) {
      const match = pattern.exec(line);
      if (match) return match;
    }
    return undefined;
  };
  const relative = (file: string) => (root && file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file);
  if (step === "format and lint") {
    // Biome: "src/a.ts:2:7 lint/suspicious/noDoubleEquals  FIXABLE  ━━━" or "src/a.ts format ━━━".
    // Not npm's own header ("> learning-reviews@0.1.0 lint"): a diagnostic starts with the file's path.
    const match = find(/^([^\s>].*?)(:\d+:\d+)? ((?:lint|format|assist)[^\s━]*|parse)\b.*━/);
    return match ? `${relative(match[1]!)}${match[2] ?? ""} (${match[3]})` : undefined;
  }
  if (step === "typecheck") {
    const match = find(/^(\S+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/);
    return match ? `${relative(match[1]!)}:${match[2]}:${match[3]} (${match[4]}: ${match[5]})` : undefined;
  }
  if (step === "folders depend one way") {
    const match = find(/^\s+1\. (\S+) imports (\S+),/);
    return match ? `${match[1]} imports ${match[2]}` : undefined;
  }
  if (step === "accessibility check") {
    const match = find(/^\s*>\s*(\S+)\s+-\s+(\d+) errors?/);
    return match ? `${match[1]} (${match[2]} ${match[2] === "1" ? "error" : "errors"})` : undefined;
  }
  return undefined;
}

/** The first failing test in Vitest's report: its file and its name, or a file that failed to load. */
export function firstFailingTest(report: VitestReport, root = ""): string | undefined {
  for (const file of report.testResults ?? []) {
    const name = root && file.name.startsWith(`${root}/`) ? file.name.slice(root.length + 1) : file.name;
    const failed = file.assertionResults?.find((test) => test.status === "failed");
    if (failed) return `${name} › ${failed.fullName ?? failed.title ?? "a test"}`;
    if (file.status === "failed") return `${name} (${(file.message ?? "it failed to run").split("\n")[0]})`;
  }
  return undefined;
}

/** The closing line's list of failed steps, each with where to look when that is known. */
export function failedStepsText(failed: { name: string; where?: string }[]): string {
  return failed.map(({ name, where }) => (where ? `${name} (first: ${where})` : name)).join("; ");
}
