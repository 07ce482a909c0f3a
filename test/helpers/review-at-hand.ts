import { newSeen, reviewAtHand, type Path, type ReviewAtHand, type Seen } from "../../src/content/rules/at-hand.ts";

/** A review as the rules see it, with no folder to look in unless one is given; lines are counted as 10 + place in the list. */
export function atHand(raw: Record<string, unknown>, options: { index?: number; seen?: Seen; reviewsDir?: string } = {}): ReviewAtHand {
  const lineOf = (path: Path) => (typeof path[0] === "number" ? 10 + path[0] : undefined);
  return reviewAtHand(raw, options.index ?? 0, { lineOf, seen: options.seen ?? newSeen(), reviewsDir: options.reviewsDir ?? null });
}
