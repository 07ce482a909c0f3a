import { distance } from "fastest-levenshtein";
import * as z from "zod";
import { quote, type Problem } from "./problems.ts";

/**
 * A zod error function that says what a field should hold, in words a
 * maintainer understands: "this field is missing" or "expected X, got Y".
 */
export function expected(description: string) {
  return (issue: z.core.$ZodRawIssue): string =>
    issue.input === undefined ? `this field is missing; expected ${description}.` : `expected ${description}, got ${quote(issue.input)}.`;
}

/**
 * A maximum length for a text, with a message that gives its length instead of
 * quoting it, so that one oversized field cannot flood the output.
 */
export function atMost(max: number) {
  const count = (n: number) => n.toLocaleString("en-GB");
  return {
    error: (issue: z.core.$ZodRawIssue): string =>
      `this text is ${typeof issue.input === "string" ? count(issue.input.length) : "too many"} characters long; the most allowed is ${count(max)}. Shorten it.`,
  };
}

/** The known name closest to `name`, when it is close enough to be a likely typo. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** The message for a field the schema does not know. */
export function unknownFieldMessage(name: string, known: readonly string[]): string {
  const guess = closest(name, known);
  return `unknown field "${name}"${guess ? `: did you mean "${guess}"?` : "."} Fields allowed here: ${known.join(", ")}.`;
}

/** A field path as people read it, counting items from 1: `documents[2].file` is the second document's file. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part + 1}]` : `${i > 0 ? "." : ""}${String(part)}`)).join("");
}

/** Problems in zod's issues, worded for people; shared by the site and review validators. */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  base: Omit<Problem, "message" | "field">,
  fieldPrefix: readonly PropertyKey[],
  knownFieldsAt: (path: readonly PropertyKey[]) => readonly string[],
  lineOf?: (path: readonly (string | number)[]) => number | undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...fieldPrefix, ...issue.path];
    const located = (p: readonly PropertyKey[]) => lineOf?.(p.filter((x): x is string | number => typeof x !== "symbol"));
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const keyPath = [...issue.path, key];
        problems.push({ ...base, field: fieldName(keyPath), line: located([...path, key]), message: unknownFieldMessage(key, knownFieldsAt(issue.path)) });
      }
    } else {
      // A record's bad key: zod's own message is "Invalid key in record"; the key schema's says what was expected.
      const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
      problems.push({ ...base, field: issue.path.length ? fieldName(issue.path) : undefined, line: located(path), message });
    }
  }
  return problems;
}

function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType = schema;
  for (const part of path) {
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[String(part)]!;
    else if (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return [];
    while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/** Field names a strict object schema allows at `path`, for "did you mean" hints. */
export function fieldsAllowed(schema: z.ZodType): (path: readonly PropertyKey[]) => string[] {
  return (path) => knownKeys(schema, path);
}

/** Values as a list a person reads: `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function orList(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  if (quoted.length === 0) return "(none)";
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

/** A value folded for comparison: case, spaces, hyphens, underscores and "&"/"and" do not count. */
const folded = (text: string) =>
  text
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[\s_\-.]+/g, "");

/**
 * What a value from a closed list was probably meant to be: the same value in another case or spacing, a key
 * given by its name (an area's), or a likely typo. Undefined when it is nothing like any of them.
 */
export function meantValue(
  input: unknown,
  values: readonly string[],
  names: Readonly<Record<string, string>> = {},
): { value: string; byName?: string } | undefined {
  if (typeof input !== "string" || input.length > 200) return undefined;
  const wanted = folded(input);
  if (!wanted) return undefined;
  const same = values.find((value) => folded(value) === wanted);
  if (same) return { value: same };
  const named = values.find((value) => names[value] !== undefined && folded(names[value]!) === wanted);
  if (named) return { value: named, byName: names[named]! };
  const guess = closest(wanted, values.map(folded));
  return guess ? { value: values[values.map(folded).indexOf(guess)]! } : undefined;
}

/**
 * A zod error function for a closed list: what it expects (the values joined with "or", and `why` after them),
 * what it got, and "did you mean" when the value was probably one of them.
 */
export function oneOf(values: readonly string[], options: { lead?: string; why?: string; names?: Readonly<Record<string, string>> } = {}) {
  const description = `${options.lead ?? (values.length > 2 ? "one of " : "")}${orList(values)}${options.why ? ` ${options.why}` : ""}`;
  return (issue: z.core.$ZodRawIssue): string => {
    const base = expected(description)(issue);
    const meant = meantValue(issue.input, values, options.names);
    if (!meant) return base;
    const note = meant.byName ? ` (${quote(meant.byName)} is the name of the area "${meant.value}"; give its key)` : "";
    return `${base.replace(/\.$/, "")}: did you mean "${meant.value}"?${note}`;
  };
}
