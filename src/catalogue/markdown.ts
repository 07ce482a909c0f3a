import MarkdownIt from "markdown-it";
import { RESERVED_IDS } from "../model/review.ts";

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
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
  md.disable(["image"]);
  md.core.ruler.push("shift_headings", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        const level = Math.min(6, Number(token.tag.slice(1)) + 2);
        token.tag = `h${level}`;
      }
    }
  });
  md.core.ruler.push("unlink_unlisted_reviews", (state) => {
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
  });
  return (markdown) => md.render(markdown);
}
