import type { Catalogue, ReviewView } from "../src/catalogue/index.ts";

/**
 * `/reviews/<id>/citation.ris`: a listed review's citation for reference managers (src/catalogue/citation.ts).
 * A removed review has none; a withdrawal in place deletes it with the review's other files.
 */
export const data = {
  pagination: { data: "catalogue.listed", size: 1, alias: "review", addAllPagesToCollections: false },
  permalink: ({ review }: { review: ReviewView }) => review.citation.risUrl,
  eleventyExcludeFromCollections: true,
};

export function render({ review }: { review: ReviewView; catalogue: Catalogue }): string {
  return review.citation.ris;
}
