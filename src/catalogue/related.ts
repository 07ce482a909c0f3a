import type { ReviewView } from "./views.ts";

/** How many related reviews a page shows, and how far each theme's list is scanned. */
export const RELATED_SIZE = 5;
const SCAN_LIMIT = 50;

/**
 * Fill in each review's related reviews: others sharing a theme, most themes
 * shared first, then newest. Each theme's list is scanned only so far, so that
 * a theme on thousands of reviews does not make this quadratic.
 */
export function addRelated(listed: ReviewView[]): void {
  const byTheme = new Map<string, ReviewView[]>();
  for (const review of listed) for (const link of review.links.themes) (byTheme.get(link.key) ?? byTheme.set(link.key, []).get(link.key)!).push(review);
  const position = new Map(listed.map((review, i) => [review, i]));
  for (const review of listed) {
    const shared = new Map<ReviewView, string[]>();
    for (const link of review.links.themes) {
      let scanned = 0;
      for (const other of byTheme.get(link.key)!) {
        if (other === review) continue;
        (shared.get(other) ?? shared.set(other, []).get(other)!).push(link.label);
        if (++scanned >= SCAN_LIMIT) break;
      }
    }
    review.related = [...shared.entries()]
      .sort(([a, x], [b, y]) => y.length - x.length || position.get(a)! - position.get(b)!)
      .slice(0, RELATED_SIZE)
      .map(([other, themes]) => ({
        id: other.id,
        title: other.title,
        url: other.url,
        typeName: other.typeName,
        publishedText: other.publishedText,
        sharedThemes: themes,
      }));
  }
}
