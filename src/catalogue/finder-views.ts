import { readableDate, yearOf } from "../model/dates.ts";
import { escapeHtml } from "../model/html.ts";
import type { SourceRecord } from "../sources/source-feed.ts";
import type { Footnote } from "../rules/publication.ts";
import { fileSizeLabel, pageCountLabel } from "./documents.ts";
import { facetLinks } from "./facets.ts";
import type { DocumentView, LegendEntry, ReviewView } from "./views.ts";
import { publishedPhrase } from "./wording.ts";

/**
 * A finder's views of other sites' reviews (issue 23, part 2): one harvested record as the partnership's own
 * finder templates show a review, but every address is the partnership's own (its page, its documents), and
 * the "area" facet is the partnership (`/reviews/partnership/<source>/`) and "place" its own area there
 * (`/reviews/partnership/<source>/<area>/`). Every value stays plain text, to be
 * escaped by the template that writes it; the one piece of HTML made here (the summary) is escaped here.
 */

/** The filter pages of one partnership in a finder. */
export const partnershipUrl = (source: string) => `/reviews/partnership/${source}/`;
/** The filter pages of one of its areas (a slug, as the feed's schema holds it: src/model/review-feed.ts). */
export const placeUrl = (source: string, area: string) => `${partnershipUrl(source)}${area}/`;

/** Format, size and page count, and where the document is, as the link's words after its title. */
function documentDetails(doc: SourceRecord["documents"][number]): string {
  const host = URL.canParse(doc.url) ? new URL(doc.url).hostname : "";
  const parts = [doc.format ?? "web page", doc.bytes === null ? null : fileSizeLabel(doc.bytes), doc.pages === null ? null : pageCountLabel(doc.pages)];
  return [...parts.filter(Boolean), `on ${host}`].join(", ");
}

function documentViews(record: SourceRecord): DocumentView[] {
  return record.documents.map((doc, d) => ({
    kind: doc.kind,
    title: doc.title,
    href: doc.url,
    linkText: `${doc.title} (${documentDetails(doc)})`,
    external: true,
    anchor: `document-${d + 1}`,
    accessibilityNote: null,
    format: doc.format,
    bytes: doc.bytes,
    pages: doc.pages,
  }));
}

/** A review's id in the finder: `<source>-<id>` (a slug, so that the finder's own feed is a feed like any other's). */
export const finderId = (record: Pick<SourceRecord, "source" | "id">) => `${record.source}-${record.id}`;

/** One harvested record as a review of the finder's lists; `sourceName` is the partnership's name in sources.json. */
export function finderReviewView(record: SourceRecord, sourceName: string, id = finderId(record)): ReviewView {
  const year = record.published ? yearOf(record.published) : null;
  const links = facetLinks({ type: record.type, typeName: record.typeName, area: record.source, areaLabel: sourceName, year, themes: record.themes });
  links.area.url = partnershipUrl(record.source);
  links.place = { facet: "place", key: `${record.source}/${record.area}`, label: record.areaName, url: placeUrl(record.source, record.area) };
  const key = record.status === "published" || record.footnote === null ? null : (record.status as Footnote);
  return {
    id,
    url: record.pageUrl,
    title: record.title,
    type: record.type,
    typeName: record.typeName,
    area: record.source,
    areaLabel: sourceName,
    status: record.status,
    statusText: record.statusText,
    published: record.published,
    publishedText: record.published ? readableDate(record.published) : "Not yet published",
    publishedPhrase: publishedPhrase(record.published),
    year,
    footnote:
      key && record.footnote
        ? { key, code: record.footnote.code, text: record.footnote.text, label: record.statusText.toLowerCase(), anchor: `footnote-${record.source}-${key}` }
        : null,
    removalDate: record.leaves,
    removalDateText: record.leaves ? readableDate(record.leaves) : null,
    summaryHtml: record.summary ? `<p>${escapeHtml(record.summary)}</p>` : "",
    summaryText: record.summary,
    themes: record.themes,
    documents: documentViews(record),
    links,
    rank: { newest: 0, title: 0 },
    related: [],
    // A finder makes no review pages: nothing cites a page of its own.
    citation: { description: "", meta: [], jsonLd: "{}", text: "", risUrl: "", ris: "" },
    source: { id: record.source, name: sourceName, area: record.area, areaName: record.areaName },
  };
}

/** The notes for the marks a list of a finder shows: each partnership's own words, one entry per partnership and mark. */
export function finderLegend(reviews: readonly ReviewView[]): LegendEntry[] {
  const entries = new Map<string, LegendEntry>();
  for (const review of reviews) {
    const note = review.footnote;
    if (!note) continue;
    const entry = entries.get(note.anchor) ?? { ...note, text: `${review.areaLabel}: ${note.text}`, reviews: [] };
    entry.reviews.push({ id: review.id, title: review.title, url: review.url });
    entries.set(note.anchor, entry);
  }
  return [...entries.values()];
}
