/** What plain JSON parsing lets through and this project refuses: keys given twice, reserved keys, characters XML cannot carry, deep nesting. */
import type { Node } from "jsonc-parser";

/** A problem found while reading the parse tree, at `path` in the value. */
export interface JsonIssue {
  path: (string | number)[];
  line: number;
  message: string;
}

/** Keys that JavaScript gives a special meaning; as names in the data they could change how the program behaves. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Characters XML 1.0 cannot carry (control characters other than tab and line
 * breaks, U+FFFE, U+FFFF, and halves of a surrogate pair on their own): one in
 * a title would make the news feed invalid.
 */
export const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function unsafeCharacter(text: string): string | undefined {
  const match = XML_UNSAFE.exec(text);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  return `the text has a control character (U+${code}) at character ${match.index + 1} that cannot be published: it would make the site's news feed invalid. Delete it (such characters often come with text pasted from another program).`;
}

/**
 * Walk the parse tree once, without recursion, and list what JSON.parse would
 * silently accept: a key given twice in one object (the last would win), a
 * reserved key such as `__proto__`, and a character XML cannot carry.
 */
export function treeIssues(tree: Node, lineAt: (offset: number) => number): JsonIssue[] {
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
export const MAX_DEPTH = 32;

/** The offset of the first "[" or "{" more than MAX_DEPTH levels deep, if any; brackets inside strings are text. */
export function tooDeepAt(text: string): number | undefined {
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
