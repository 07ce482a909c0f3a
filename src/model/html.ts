const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "\\": "&#92;" };

/**
 * Text for HTML (element content or a quoted attribute): the six characters Nunjucks' autoescape escapes, the
 * same way, so that a page written from TypeScript (src/eleventy/html.ts) and one from Nunjucks say the same.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&"'<>\\]/g, (c) => ESCAPES[c]!);
}
