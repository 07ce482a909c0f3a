import { readFileSync } from "node:fs";
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { Problem } from "../model/problems.ts";
import { MAX_DEPTH, RESERVED_KEYS, tooDeepAt, treeIssues, type JsonIssue } from "./json-issues.ts";

export type { JsonIssue };

/**
 * A JSON file read for validation: its value, and a way to find the line of
 * any path in it so that messages can point the editor at the right place.
 */
export interface JsonSource {
  file: string;
  value: unknown;
  /** 1-based line of the value at `path` (e.g. `[3, "published"]`), or of its nearest parent that exists. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /**
   * What is wrong in the text itself though it is valid JSON (a key given twice),
   * with where it is, so that the validators can name the review and field.
   */
  issues: JsonIssue[];
}

const PLAIN_WORDS: Record<string, string> = {
  InvalidSymbol: "a character that JSON does not allow here",
  InvalidNumberFormat: "a number written in a way JSON does not allow",
  PropertyNameExpected: "a field name in double quotes (is there a comma after the last field? JSON allows none)",
  ValueExpected: "a value (is there a comma after the last item? JSON allows none)",
  ColonExpected: 'a colon ":" between a field name and its value',
  CommaExpected: 'a comma "," between two items or fields',
  CloseBraceExpected: 'a closing brace "}"',
  CloseBracketExpected: 'a closing bracket "]"',
  EndOfFileExpected: "the end of the file (is there text after the closing bracket?)",
  InvalidCommentToken: "no comment: JSON does not allow comments",
  UnexpectedEndOfComment: "no comment: JSON does not allow comments",
  UnexpectedEndOfString: 'a closing double quote """',
  UnexpectedEndOfNumber: "the rest of a number",
  InvalidUnicode: "a valid \\u escape",
  InvalidEscapeCharacter: "a valid escape after a backslash",
  InvalidCharacter: "no raw control character (such as a tab) inside a string",
};

/** Offsets to 1-based lines and columns: the line starts are found once, then each look-up is a binary search. */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/**
 * The value of a parse tree, as JSON.parse would give it from the same text,
 * less reserved keys (reported as issues instead). A key given twice keeps its
 * last value, as JSON.parse does. Recursion is safe: the depth is checked first.
 */
function jsonValueOf(node: Node): unknown {
  switch (node.type) {
    case "array":
      return node.children!.map(jsonValueOf);
    case "object": {
      const object: Record<string, unknown> = {};
      for (const property of node.children!) {
        const [key, value] = property.children as [Node, Node];
        if (!RESERVED_KEYS.has(key.value)) object[key.value] = jsonValueOf(value);
      }
      return object;
    }
    default:
      return node.value;
  }
}

/** Parse JSON text strictly (no comments, no trailing commas), reporting every syntax error with its line and column. */
export function parseJsonText(text: string, file: string): { source?: JsonSource; problems: Problem[] } {
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return { problems: [{ file, message: "the file is empty; expected a JSON value." }] };
  const at = lineIndex(body);
  const deep = tooDeepAt(body);
  if (deep !== undefined) {
    return {
      problems: [
        {
          file,
          ...at(deep),
          message: `the file is nested too deeply: more than ${MAX_DEPTH} levels of "[" and "{" inside each other, where the data needs only a few. Is there a stray "[" or "{"?`,
        },
      ],
    };
  }
  const tree = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // jsonc-parser gives a tree only with no error, and an error whenever it gives no tree.
  const first = errors[0];
  if (first || !tree) {
    // Only the first syntax error: the ones after it usually follow from it, and fixing it may clear them.
    const code = printParseErrorCode(first!.error);
    const more = errors.length > 1 ? " Fix this first: the parts of the file after it could not be checked." : "";
    return { problems: [{ file, ...at(first!.offset), message: `the file is not valid JSON: expected ${PLAIN_WORDS[code] ?? code}.${more}` }] };
  }
  const lineAt = (offset: number) => at(offset).line;
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node: Node | undefined = findNodeAtLocation(tree, path.slice(0, depth) as (string | number)[]);
      if (node) {
        // For a property, point at its name rather than its value.
        return lineAt(node.parent?.type === "property" ? node.parent.offset : node.offset);
      }
    }
    return undefined;
  };
  // Reserved keys are reported as issues and left out of the value, so that nothing after this sees them.
  return { source: { file, value: jsonValueOf(tree), lineOf, issues: treeIssues(tree, lineAt) }, problems: [] };
}

/** Read a data file's text; a missing file is a problem, not a crash. */
export function readTextFile(absolutePath: string, file: string): { text?: string; problems: Problem[] } {
  try {
    return { text: readFileSync(absolutePath, "utf8"), problems: [] };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "the file does not exist" : `the file could not be read (${(error as Error).message})`;
    return { problems: [{ file, message: `${reason}.` }] };
  }
}

/** Read and parse a JSON file, with its problems if it is missing or invalid. */
export function readJsonFile(absolutePath: string, file: string): { source?: JsonSource; problems: Problem[] } {
  const { text, problems } = readTextFile(absolutePath, file);
  return text === undefined ? { problems } : parseJsonText(text, file);
}
