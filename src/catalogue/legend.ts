import { legendOrder, type Footnote } from "../rules/publication.ts";
import type { SiteSettings } from "../model/site-settings.ts";
import type { FootnoteView, LegendEntry, ReviewView } from "./views.ts";

/** The legend for a list of reviews: the codes they use, in code order, each with the reviews that carry it. */
export function legendFor(reviews: readonly ReviewView[], site: SiteSettings): LegendEntry[] {
  return legendOrder(reviews.map((review) => review.footnote?.key)).map((key) => ({
    ...footnoteView(key, site),
    reviews: reviews.filter((review) => review.footnote?.key === key).map(({ id, title, url }) => ({ id, title, url })),
  }));
}

export function footnoteView(key: Footnote, site: SiteSettings): FootnoteView {
  const { code, text, label } = site.footnotes[key];
  return { key, code, text, label, anchor: `footnote-${key}` };
}
