import { PlainError } from "./failures.ts";

/**
 * A problem found in the data, worded for the business-support officer who
 * edits `_data/reviews.json`, not for a developer.
 */
export interface Problem {
  /** The file the problem is in, relative to the project, e.g. `_data/reviews.json`. */
  file: string;
  /** Which review: `review "child-h"`, or its position when the id is missing or bad. */
  review?: string;
  /** Which field, e.g. `published` or `documents[1].file`. */
  field?: string;
  /** 1-based line in the file, where it can be found. */
  line?: number;
  column?: number;
  /** What is wrong and what was expected. */
  message: string;
}

/** One line per problem: where it is first, then what is wrong. */
export function formatProblem(problem: Problem): string {
  const where: string[] = [
    problem.file + (problem.line ? `, line ${problem.line}` : "") + (problem.line && problem.column ? `, column ${problem.column}` : ""),
  ];
  if (problem.review) where.push(problem.review);
  if (problem.field) where.push(`field "${problem.field}"`);
  return `${where.join(", ")}: ${problem.message}`;
}

/** A numbered list, with a heading that says how many and what happens next. */
export function formatProblems(problems: readonly Problem[], kind: "error" | "warning"): string {
  if (problems.length === 0) return "";
  const noun = kind === "error" ? (problems.length === 1 ? "problem" : "problems") : problems.length === 1 ? "warning" : "warnings";
  const lines = problems.map((p, i) => `  ${i + 1}. ${formatProblem(p)}`);
  return `${problems.length} ${noun}:\n${lines.join("\n")}`;
}

/**
 * Every problem in the data, headed by what it stopped: a build ("The site was not built because…"), or only a check
 * (`npm run validate`, which builds nothing).
 */
export function dataProblemsText(problems: readonly Problem[], doing: "build" | "check"): string {
  const count = `${problems.length} ${problems.length === 1 ? "problem" : "problems"}`;
  const them = problems.length === 1 ? "it" : "them";
  const headline =
    doing === "build"
      ? `The site was not built because the data has ${count}. Fix ${them} and build again.`
      : `The data has ${count}. Fix ${them} and run npm run validate again.`;
  return `${headline}\n${formatProblems(problems, "error")}`;
}

/**
 * Thrown when the data cannot be published. Carries every problem found so
 * that the maintainer can fix them all in one go.
 */
export class DataError extends PlainError {
  readonly problems: readonly Problem[];
  /** Eleventy prints no stack trace for it (under `npm start`): the message says all a maintainer can act on. */
  readonly skipOriginalStack = true;
  constructor(problems: readonly Problem[]) {
    super(dataProblemsText(problems, "build"));
    this.name = "DataError";
    this.problems = problems;
  }
}

/** Quote a value from the data for a message, shortened so one bad field cannot flood the output. */
export function quote(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = JSON.stringify(value);
  else if (value === undefined) text = "nothing";
  else text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
