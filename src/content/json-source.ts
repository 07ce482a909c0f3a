import { readFileSync } from "node:fs";
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { Problem } from "./problems.ts";

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

/** A problem found while reading the parse tree, at `path` in the value. */
export interface JsonIssue {
  path: (string | number)[];
  line: number;
  message: string;
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

/** Keys that JavaScript gives a special meaning; as names in the data they could change how the program behaves. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Characters XML 1.0 cannot carry (control characters other than tab and line
 * breaks, U+FFFE, U+FFFF, and halves of a surrogate pair on their own): one in
 * a title would make the news feed invalid.
 */
export const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unsafeCharacter(text: string): string | undefined {
  const match = XML_UNSAFE.exec(text);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  return `the text has a control character (U+${code}) at character ${match.index + 1} that cannot be published: it would make the site's news feed invalid. Delete it (such characters often come with text pasted from another program).`;
}

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

/**
 * Walk the parse tree once, without recursion, and list what JSON.parse would
 * silently accept: a key given twice in one object (the last would win), a
 * reserved key such as `__proto__`, and a character XML cannot carry.
 */
function treeIssues(tree: Node, lineAt: (offset: number) => number): JsonIssue[] {
  const issues: JsonIssue[] = [];
  const stack: { node: Node; path: (string | number)[] }[] = [{ node: tree, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    const children = node.children ?? [];
    if (node.type === "string") {
      const unsafe = unsafeCharacter(node.value);
      if (unsafe) issues.push({ path, line: lineAt(node.offset), message: unsafe });
    } else if (node.type === "array") {
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, path: [...path, i] });
    } else if (node.type === "object") {
      const seen = new Map<string, number>();
      const next: { node: Node; path: (string | number)[] }[] = [];
      for (const property of children) {
        // A property of a tree parsed without errors always has its key and its value.
        const [keyNode, valueNode] = property.children as [Node, Node];
        const key: string = keyNode.value;
        const line = lineAt(property.offset);
        if (RESERVED_KEYS.has(key)) {
          issues.push({
            path: [...path, key],
            line,
            message: `"${key}" cannot be used as a name here: the program that builds the site gives it a special meaning. Use another name.`,
          });
          continue;
        }
        const unsafe = unsafeCharacter(key);
        if (unsafe) issues.push({ path: [...path, key], line, message: unsafe });
        const first = seen.get(key);
        if (first !== undefined) {
          issues.push({
            path: [...path, key],
            line,
            message: `"${key}" is given twice here (first on line ${first}, again on line ${line}); only one of the two would count, and it may be the wrong one. Keep one of them.`,
          });
        } else seen.set(key, line);
        next.push({ node: valueNode, path: [...path, key] });
      }
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
    }
  }
  // In the order they appear in the file.
  return issues.sort((a, b) => a.line - b.line);
}

/** Deeper than any real data file (they need four or five levels); deeper would overflow the parser's stack. */
const MAX_DEPTH = 32;

/** The offset of the first "[" or "{" more than MAX_DEPTH levels deep, if any; brackets inside strings are text. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
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
