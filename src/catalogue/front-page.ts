import { REVIEW_TYPES } from "../model/review.ts";
import { SECTION_HEADINGS } from "./wording.ts";
import type { ReviewView, SectionView } from "./views.ts";

/** The list at / shows every review up to this many; beyond it, the newest LISTING_PREVIEW of each type. */
export const LISTING_LIMIT = 100;
export const LISTING_PREVIEW = 25;

/**
 * What the list at / shows: one section per type (CSPRs, then SCRs), all of
 * them while there are at most LISTING_LIMIT, else the newest of each type
 * with a link to the rest. `shown` is what the list holds, for its legend.
 */
export function frontPage(listed: readonly ReviewView[]): { sections: SectionView[]; listingComplete: boolean; shown: ReviewView[] } {
  const listingComplete = listed.length <= LISTING_LIMIT;
  const sections = REVIEW_TYPES.map((type): SectionView => {
    const all = listed.filter((review) => review.type === type);
    return {
      type,
      heading: SECTION_HEADINGS[type],
      anchor: type.toLowerCase(),
      reviews: listingComplete ? all : all.slice(0, LISTING_PREVIEW),
      total: all.length,
      moreUrl: listingComplete ? null : `/reviews/type/${type.toLowerCase()}/`,
    };
  });
  const onFront = new Set(sections.flatMap((section) => section.reviews));
  return { sections, listingComplete, shown: listed.filter((review) => onFront.has(review)) };
}
