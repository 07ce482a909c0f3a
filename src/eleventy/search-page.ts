import type { DocumentSearchRecord } from "../catalogue/views.ts";

import { escapeHtml } from "../model/html.ts";

/** The meta key that gives a section's link when it is not its place on the review page (an HTML version's own page). */
export const sectionLinkKey = (anchor: string) => `link-${anchor}`;

/**
 * Weights of the parts of a review's search page (Pagefind's `data-pagefind-weight`, 0 to 10; 1 is plain text):
 * its title above all, so a name finds its review first; the rest of its own words next; its documents' titles
 * and text below them, so a word in one review's metadata outranks a mention deep inside another's report.
 */
export const SEARCH_WEIGHTS = { title: 10, words: 1, documentTitle: 1, documentText: 0.5 } as const;

/**
 * A review's search record (with its documents as sections) as the page Pagefind indexes: made here, never
 * served, every value from the data escaped. The title, the review's own words, then each document under a
 * heading with the id of its place on the review page, which Pagefind turns into the result's sub-results;
 * filters, sort keys and what a result shows are `<meta>` elements, whose content holds any character.
 */
export function searchPageHtml(record: DocumentSearchRecord, language: string): string {
  const meta = (kind: "meta" | "filter" | "sort", key: string, value: string) =>
    `<meta data-pagefind-${kind}="${escapeHtml(key)}[content]" content="${escapeHtml(value)}">`;
  // Inside the indexed element: Pagefind reads filters and sort keys only there. A `content` attribute is no text, so none is indexed as words.
  const head = [meta("meta", "title", record.title)];
  for (const [key, value] of Object.entries(record.meta ?? {})) head.push(meta("meta", key, value));
  for (const [key, values] of Object.entries(record.filters)) for (const value of values) head.push(meta("filter", key, value));
  for (const [key, value] of Object.entries(record.sort ?? {})) head.push(meta("sort", key, value));
  const sections = (record.sections ?? []).map((section) => {
    // Relative to the review's address, so it holds under whatever path the site is served (the finder resolves it against the result's).
    const own = section.url.startsWith(record.url) ? section.url.slice(record.url.length) : section.url;
    if (own !== `#${section.anchor}`) head.push(meta("meta", sectionLinkKey(section.anchor), own));
    return (
      `<section><h2 id="${escapeHtml(section.anchor)}" data-pagefind-weight="${SEARCH_WEIGHTS.documentTitle}">${escapeHtml(section.title)}</h2>` +
      `<p data-pagefind-weight="${SEARCH_WEIGHTS.documentText}">${escapeHtml(section.text)}</p></section>`
    );
  });
  return [
    `<!doctype html><html lang="${escapeHtml(language)}"><head><title>${escapeHtml(record.title)}</title></head>`,
    `<body><main data-pagefind-body>`,
    ...head,
    `<h1 data-pagefind-weight="${SEARCH_WEIGHTS.title}">${escapeHtml(record.title)}</h1>`,
    `<p data-pagefind-weight="${SEARCH_WEIGHTS.words}">${escapeHtml(record.text)}</p>`,
    ...sections,
    `</main></body></html>`,
  ].join("\n");
}
