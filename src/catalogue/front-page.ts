import type { SiteSettings } from "../model/site-settings.ts";
import { legendFor } from "./legend.ts";
import { paginate } from "./paging.ts";
import type { FinderPageView, ReviewView } from "./views.ts";
import { compareTitles } from "./title-order.ts";

/**
 * Reviews a page of the finder at / lists before "Next page": few enough that
 * a phone reaches the list at once and the page stays light, as GOV.UK's finders do.
 * The finder's script (pages/assets/finder.js) pages its results by the same number.
 */
export const FINDER_PAGE_SIZE = 20;

/** "1 review", "57 reviews". */
export function reviewCount(n: number): string {
  return `${n} ${n === 1 ? "review" : "reviews"}`;
}

/**
 * The pages of the finder without JavaScript: every listed review, newest
 * first, FINDER_PAGE_SIZE a page (`/`, then `/page/2/` and on), each with the
 * legend of the codes it shows and its count in words.
 */
export function finderPages(listed: readonly ReviewView[], site: SiteSettings): FinderPageView[] {
  return paginate(listed, "/", FINDER_PAGE_SIZE).map((page, i) => {
    const first = i * FINDER_PAGE_SIZE + 1;
    const last = first + page.items.length - 1;
    const countText =
      listed.length === 0
        ? "There are no reviews on this site at present."
        : page.pageCount === 1
          ? `${reviewCount(listed.length)}, newest first.`
          : `Showing ${first} to ${last} of ${reviewCount(listed.length)}, newest first.`;
    return { ...page, total: listed.length, countText, legend: legendFor(page.items, site) };
  });
}

/**
 * Each review's place in the two orders the finder offers besides oldest
 * first (newest reversed), for Pagefind's sort keys: whole numbers, so that
 * Pagefind sorts them as numbers and ties never depend on its internals.
 */
export function addSortRanks(listed: readonly ReviewView[]): void {
  for (const [i, review] of listed.entries()) review.rank.newest = i;
  const byTitle = [...listed].sort((a, b) => compareTitles(a.title, b.title) || a.rank.newest - b.rank.newest);
  for (const [i, review] of byTitle.entries()) review.rank.title = i;
}
