import type { TemplateData } from "../src/catalogue/template-data.ts";
import { reviewFeedJson } from "../src/catalogue/review-feed.ts";

/** `/reviews.json`: the review feed, every listed review (src/catalogue/review-feed.ts; its format in docs/feed.md). */
export const data = { permalink: "/reviews.json", eleventyExcludeFromCollections: true };

export function render({ catalogue }: { catalogue: TemplateData }): string {
  return reviewFeedJson(catalogue);
}
