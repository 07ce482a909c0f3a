import { Parser } from "htmlparser2";
import { pagefindValue } from "./facets.ts";
import type { DocumentSearchRecord, HtmlVersionView, ReviewView, SearchSection } from "./views.ts";

/** Elements after which the text reads as a new sentence, as Pagefind reads a page. */
const BLOCKS = new Set(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "tr", "td", "th", "pre", "div", "figcaption", "caption"]);

/** The text of rendered HTML (a summary, an HTML version), entities decoded, blocks ended as sentences, spaces collapsed. */
export function htmlText(html: string): string {
  const parts: string[] = [];
  const endBlock = () => {
    const last = parts.at(-1)?.trimEnd() ?? "";
    if (last && !/[.!?:;]$/.test(last)) parts.push(".");
    parts.push(" ");
  };
  const parser = new Parser({
    ontext: (text) => void parts.push(text),
    onclosetag: (name) => {
      if (BLOCKS.has(name)) endBlock();
    },
  });
  parser.end(html);
  return parts.join("").replace(/\s+/g, " ").trim();
}

/** A phrase as a sentence: a full stop unless it ends in one already. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * A listed review's page as the search index holds it, made from the catalogue
 * rather than read back from the written page: the words of its page (title,
 * type, area, date, status, themes, summary), the finder's filters (the values
 * `pagefindValue` gives the filter pages' options), what a result shows, and
 * the finder's sort keys.
 */
export function reviewRecord(review: ReviewView): DocumentSearchRecord {
  const { type, area, year, themes } = review.links;
  const filters: Record<string, string[]> = { type: [pagefindValue(type)], area: [pagefindValue(area)] };
  if (year) filters.year = [pagefindValue(year)];
  if (themes.length) filters.theme = themes.map(pagefindValue);
  const meta: Record<string, string> = { type: review.type, area: review.areaLabel, published: review.publishedText };
  // In a finder: the partnership, and its own area.
  // And its id in the finder as a filter: the finder's page finds the review a match inside its report belongs to (src/catalogue/finder-search.ts).
  if (review.source) {
    Object.assign(meta, { partnership: review.source.name, area: review.source.areaName });
    filters.key = [review.id];
    // And its area there, qualified by the partnership (src/catalogue/finder-areas.ts).
    if (review.links.place) filters.place = [pagefindValue(review.links.place)];
  }
  if (review.status !== "published") meta.status = review.statusText;
  const words = [
    sentence(review.title),
    `${review.typeName} (${review.type}), ${review.areaLabel}.`,
    sentence(review.publishedPhrase.replace(/^./, (first) => first.toUpperCase())),
    `Status: ${sentence(review.statusText)}`,
    review.footnote ? `Note: ${sentence(review.footnote.label)}` : "",
    review.themes.length ? `Themes: ${review.themes.join(", ")}.` : "",
    review.summaryHtml ? `Summary. ${htmlText(review.summaryHtml)}` : "",
  ];
  return {
    url: review.url,
    title: review.title,
    text: words.filter(Boolean).join(" "),
    filters,
    meta,
    sort: { newest: String(review.rank.newest), title: String(review.rank.title) },
  };
}

/**
 * A listed review's record with the text of its documents inside it, each a section under its place on the
 * review page, so that the one search on `/` gives one result per review, its matching documents listed under it:
 * its PDFs' text (`documentRecords`, addressed `<review>#document-<n>`) and its HTML versions' (linking to the
 * HTML page itself). A document that is neither is left out; so is anything of another review.
 */
export function reviewWithDocuments(
  review: ReviewView,
  documentRecords: readonly DocumentSearchRecord[],
  htmlVersions: readonly HtmlVersionView[],
): DocumentSearchRecord {
  const sections: SearchSection[] = [];
  for (const doc of review.documents) {
    const pdf = documentRecords.find((record) => record.url === `${review.url}#${doc.anchor}`);
    const version = htmlVersions.find((v) => v.url === doc.href && v.review.url === review.url);
    if (pdf) sections.push({ anchor: doc.anchor, title: doc.linkText, url: pdf.url, text: pdf.text });
    else if (version) sections.push({ anchor: doc.anchor, title: doc.linkText, url: version.url, text: htmlText(version.html) });
  }
  return { ...reviewRecord(review), sections };
}
