import { themeKey } from "../../model/theme-key.ts";
import { quote } from "../../model/problems.ts";
import type { Finding, ReviewAtHand } from "./at-hand.ts";

/**
 * Rules on each theme a review gives as one line of text (the schema reports the
 * rest): each theme has a page at /reviews/theme/<address>/, made from its letters and digits.
 */

/** A theme has letters or digits, so it can have a page. */
export function themeHasLetters(theme: string): Finding[] {
  if (themeKey(theme)) return [];
  return [{ field: [], message: `the theme ${quote(theme)} has no letters or digits, so it cannot have a page; expected words such as "neglect".` }];
}

/** Two themes that would share a page's address are spelt the same way, in every review. */
export function themeAddressNotShared(theme: string, _t: number, { label, seen }: ReviewAtHand): Finding[] {
  const slug = themeKey(theme);
  if (!slug) return [];
  const first = seen.themes.get(slug);
  if (!first) {
    seen.themes.set(slug, { theme, review: label });
    return [];
  }
  if (first.theme === theme) return [];
  return [
    {
      field: [],
      message: `the theme ${quote(theme)} and the theme ${quote(first.theme)} (${first.review}) would share the address /reviews/theme/${slug}/; spell them the same way.`,
    },
  ];
}
