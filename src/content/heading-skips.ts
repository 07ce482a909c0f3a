import MarkdownIt from "markdown-it";

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
