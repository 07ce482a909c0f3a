import MarkdownIt from "markdown-it";

/**
 * Markdown for review summaries, written by maintainers in `_data/reviews.json`.
 * Raw HTML is off (it is shown as text), links are limited to safe schemes by
 * markdown-it's own check (no `javascript:`, `vbscript:`, `file:` or `data:`),
 * images are off (no third-party requests, no missing alt text), and headings
 * start at level 3 so that they sit under the page's own h1 and h2.
 */
export function createSummaryRenderer(): (markdown: string) => string {
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
  return (markdown) => md.render(markdown);
}
