import type { ReviewView } from "./views.ts";

/** How many related reviews a page shows, and how far each theme's list is scanned. */
export const RELATED_SIZE = 5;
const SCAN_LIMIT = 50;

/**
 * Fill in each review's related reviews: others sharing a theme, most themes
 * shared first, then newest (`listed` is newest first). Each theme's list is
 * scanned only so far, so that a theme on thousands of reviews does not make
 * this quadratic; counts live in one array reused for every review, as this
 * runs for every listed review on every build.
 */
export function addRelated(listed: ReviewView[]): void {
  const byTheme = new Map<string, number[]>();
  listed.forEach((review, i) => {
    for (const link of review.links.themes) (byTheme.get(link.key) ?? byTheme.set(link.key, []).get(link.key)!).push(i);
  });
  const shared = new Uint16Array(listed.length);
  const labels: string[][] = [];
  listed.forEach((review, i) => {
    const touched: number[] = [];
    for (const link of review.links.themes) {
      let scanned = 0;
      for (const j of byTheme.get(link.key)!) {
        if (j === i) continue;
        if (shared[j]++ === 0) {
          touched.push(j);
          labels[j] = [];
        }
        labels[j]!.push(link.label);
        if (++scanned >= SCAN_LIMIT) break;
      }
    }
    touched.sort((a, b) => shared[b]! - shared[a]! || a - b);
    review.related = touched.slice(0, RELATED_SIZE).map((j) => {
      const other = listed[j]!;
      return { id: other.id, title: other.title, url: other.url, typeName: other.typeName, publishedPhrase: other.publishedPhrase, sharedThemes: labels[j]! };
    });
    for (const j of touched) shared[j] = 0;
  });
}
