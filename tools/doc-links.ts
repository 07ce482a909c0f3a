/**
 * The documentation's link check: every relative link and image in a set of Markdown files (README.md and docs/*.md)
 * leads to a file that exists, every #anchor to a heading of the file it names (by GitHub's own slugs, with
 * github-slugger), and every `npm run X`, `npm start` and `npm test` named in them is a script in package.json.
 * Pure: the files, the scripts and whether a path exists are handed in (test/unit/tools/doc-links.test.ts).
 */
import path from "node:path";
import GithubSlugger from "github-slugger";
import MarkdownIt from "markdown-it";

type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

export interface DocSet {
  /** Markdown text by path from the project's root, with forward slashes (`README.md`, `docs/deploying.md`). */
  files: ReadonlyMap<string, string>;
  /** The scripts of package.json. */
  scripts: ReadonlySet<string>;
  /** Whether a path from the project's root is a file or folder, for links to files that are not in `files`. */
  exists: (projectPath: string) => boolean;
}

interface Link {
  href: string;
  line: number;
}

const markdown = new MarkdownIt({ html: true });

/** The anchors GitHub gives a Markdown file's headings: their text, slugged, with -1, -2 for repeats. */
export function headingAnchors(text: string): Set<string> {
  const slugger = new GithubSlugger();
  const tokens = markdown.parse(text, {});
  const anchors = new Set<string>();
  tokens.forEach((token, index) => {
    if (token.type !== "heading_open") return;
    const inline = tokens[index + 1];
    const words = (inline?.children ?? [])
      .filter((child) => child.type === "text" || child.type === "code_inline")
      .map((child) => child.content)
      .join("");
    anchors.add(slugger.slug(words));
  });
  return anchors;
}

function linksIn(text: string): Link[] {
  const links: Link[] = [];
  let line = 1; // the line of the last block that says where it starts (table cells do not)
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.map) line = token.map[0] + 1;
      const href = token.type === "link_open" ? token.attrGet("href") : token.type === "image" ? token.attrGet("src") : null;
      if (href !== null) links.push({ href: String(href), line });
      if (token.children) visit(token.children);
    }
  };
  visit(markdown.parse(text, {}));
  return links;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i;

function linkProblem(docs: DocSet, from: string, link: Link, anchorsOf: (file: string) => Set<string>): string | null {
  if (SCHEME.test(link.href)) return null;
  const hash = link.href.indexOf("#");
  const target = hash === -1 ? link.href : link.href.slice(0, hash);
  const where = `${from}, line ${link.line}: the link "${link.href}"`; // as markdown-it reads it: a stray % is %25
  let anchor = "";
  let decoded = target;
  try {
    anchor = hash === -1 ? "" : decodeURIComponent(link.href.slice(hash + 1));
    decoded = decodeURI(target);
  } catch {
    return `${where} has a %-code that is not a character (such as %E0 alone). Write a space as %20 and a % as %25.`;
  }
  let file = from;
  if (target !== "") {
    const joined = decoded.startsWith("/") ? decoded.slice(1) : path.posix.join(path.posix.dirname(from), decoded);
    file = path.posix.normalize(joined).replace(/\/$/, "");
    if (file.startsWith("../") || file === "..") return `${where} leads outside the project. Link to a file in it.`;
    if (!docs.files.has(file) && !docs.exists(file)) {
      return `${where} leads to ${file}, which does not exist. Correct the path (it is read from ${path.posix.dirname(from)}/).`;
    }
  }
  if (anchor === "" || !file.endsWith(".md")) return null;
  if (!docs.files.has(file)) return `${where} names a heading in ${file}, which is not one of the checked files.`;
  if (anchorsOf(file).has(anchor)) return null;
  return `${where} names the heading #${anchor}, which ${file} does not have. Use one of its headings' anchors: ${[...anchorsOf(file)].map((a) => `#${a}`).join(", ")}.`;
}

function scriptProblems(docs: DocSet, from: string, text: string): string[] {
  const problems: string[] = [];
  text.split("\n").forEach((lineText, index) => {
    for (const match of lineText.matchAll(/\bnpm (?:run ([\w:.-]+)|(start|test)\b)/g)) {
      const script = match[1] ?? match[2]!;
      if (!docs.scripts.has(script)) {
        problems.push(`${from}, line ${index + 1}: "npm run ${script}" is not a script in package.json. Name one of: ${[...docs.scripts].join(", ")}.`);
      }
    }
  });
  return problems;
}

/** Every broken link, anchor and unknown `npm run` script in the files, each naming the file, the line and what to do. */
export function docLinkProblems(docs: DocSet): string[] {
  const anchors = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => {
    if (!anchors.has(file)) anchors.set(file, headingAnchors(docs.files.get(file) ?? ""));
    return anchors.get(file)!;
  };
  const problems: string[] = [];
  for (const [from, text] of docs.files) {
    for (const link of linksIn(text)) {
      const problem = linkProblem(docs, from, link, anchorsOf);
      if (problem) problems.push(problem);
    }
    problems.push(...scriptProblems(docs, from, text));
  }
  return problems;
}
