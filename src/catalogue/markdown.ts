import slugify from "@sindresorhus/slugify";
import MarkdownIt, { type StateCore } from "markdown-it";
import { RESERVED_IDS } from "../model/review.ts";

/** One markdown-it set-up for every text maintainers write: raw HTML off, safe link schemes only, no images. */
function safeMarkdown(isListed: (id: string) => boolean) {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
  md.disable(["image"]);
  md.core.ruler.push("unlink_unlisted_reviews", (state) => unlinkUnlisted(state, isListed));
  return md;
}

/**
 * Markdown for review summaries, written by maintainers in `_data/reviews.json`.
 * Raw HTML is off (it is shown as text), links are limited to safe schemes by
 * markdown-it's own check (no `javascript:`, `vbscript:`, `file:` or `data:`),
 * images are off (no third-party requests, no missing alt text), and headings
 * start at level 3 so that they sit under the page's own h1 and h2.
 *
 * A link to a review that is not listed (`/reviews/<id>/…` where `isListed(id)`
 * is false: removed, or not yet published) is kept as its text only, so one
 * review's summary can never keep another's page, anchor or document reachable,
 * nor break the build on the day that review leaves.
 */
export function createSummaryRenderer(isListed: (id: string) => boolean = () => true): (markdown: string) => string {
  const md = safeMarkdown(isListed);
  md.core.ruler.push("shift_headings", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        const level = Math.min(6, Number(token.tag.slice(1)) + 2);
        token.tag = `h${level}`;
      }
    }
  });
  return (markdown) => md.render(markdown);
}

function unlinkUnlisted(state: StateCore, isListed: (id: string) => boolean): void {
  for (const block of state.tokens) {
    if (!block.children) continue;
    const dropped: number[] = [];
    block.children = block.children.filter((token) => {
      if (token.type === "link_open") {
        const id = /^\/reviews\/([^/?#]+)(?:[/?#]|$)/.exec(String(token.attrGet("href") ?? ""))?.[1];
        const unlisted = id !== undefined && !(RESERVED_IDS as readonly string[]).includes(id) && !isListed(decodeURIComponent(id));
        dropped.push(unlisted ? 1 : 0);
        return !unlisted;
      }
      if (token.type === "link_close") return dropped.pop() !== 1;
      return true;
    });
  }
}

/** An HTML version of a document: its body, and the contents list of its second-level headings. */
export interface RenderedDocument {
  html: string;
  contents: { id: string; text: string }[];
}

/**
 * Markdown documents (`reviews/<id>/<name>.md`), published as HTML pages. The
 * page's h1 is the document's title, so a Markdown `#` heading becomes an h2;
 * every h2 gets an id and a place in the contents list.
 */
export function createDocumentRenderer(isListed: (id: string) => boolean = () => true): (markdown: string) => RenderedDocument {
  const md = safeMarkdown(isListed);
  return (markdown) => {
    const tokens = md.parse(markdown, {});
    const contents: RenderedDocument["contents"] = [];
    const used = new Set<string>(["main", "contents"]);
    tokens.forEach((token, i) => {
      if (token.type !== "heading_open" && token.type !== "heading_close") return;
      if (token.tag === "h1") token.tag = "h2";
      if (token.type !== "heading_open" || token.tag !== "h2") return;
      const text = tokens[i + 1]?.content ?? "";
      const base = slugify(text) || "section";
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      token.attrSet("id", id);
      contents.push({ id, text });
    });
    return { html: md.renderer.render(tokens, md.options, {}), contents };
  };
}

/**
 * Headings that skip a level (an h2 followed by an h4, or a first heading
 * below h2), which break the outline a screen reader offers: one line each.
 */
export function headingSkips(markdown: string): string[] {
  const md = new MarkdownIt({ html: false });
  let previous = 1;
  const skips: string[] = [];
  const tokens = md.parse(markdown, {});
  tokens.forEach((token: { type: string; tag: string }, i: number) => {
    if (token.type !== "heading_open") return;
    const level = Math.max(2, Number(token.tag.slice(1)));
    if (level > previous + 1) skips.push(`the heading "${tokens[i + 1]?.content ?? ""}" is level ${level} after level ${previous}`);
    previous = level;
  });
  return skips;
}
