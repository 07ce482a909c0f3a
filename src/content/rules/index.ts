import { MAX_LENGTH } from "../review-schema.ts";
import { isRecord } from "../document-files.ts";
import type { Finding, ReviewAtHand } from "./at-hand.ts";
import { fileInFolder, fileOrUrl, noOverviewReportWhenWithheld } from "./document-rules.ts";
import { dateGivenUnlessDelayed, folderNotLinked, idNotReserved, idNotTaken, publishedByBuildDate } from "./review-rules.ts";
import { themeAddressNotShared, themeHasLetters } from "./theme-rules.ts";

/**
 * What is checked beyond each field's own rules (review-schema.ts): the rules that
 * need more than one field, another review, or the review's folder. Problems are
 * listed in this order, a theme's or a document's rules together for each in turn.
 */

export type ReviewRule = ((review: ReviewAtHand) => Finding[]) & { rules?: readonly ItemRule<never>[] };
export type ItemRule<Item> = (item: Item, at: number, review: ReviewAtHand) => Finding[];

/** A theme the schema accepts as text; any other is reported by the schema alone. */
function isThemeText(theme: unknown): theme is string {
  return typeof theme === "string" && /\S/.test(theme) && theme.length <= MAX_LENGTH.theme;
}

/** A review rule that runs `rules` on each item of the list `field` that `accepts`, with its place added to what they find. */
function eachOf<Item>(field: string, accepts: (item: unknown) => item is Item, rules: readonly ItemRule<Item>[]): ReviewRule {
  const rule: ReviewRule = (review) => {
    const items = review.raw[field];
    if (!Array.isArray(items)) return [];
    return items.flatMap((item: unknown, at: number) =>
      accepts(item) ? rules.flatMap((itemRule) => itemRule(item, at, review).map((f) => ({ ...f, field: [field, at, ...f.field] }))) : [],
    );
  };
  Object.defineProperty(rule, "name", { value: `each of ${field}` });
  rule.rules = rules as readonly ItemRule<never>[];
  return rule;
}

/** The review rules in the order their problems are listed. */
export const REVIEW_RULES: readonly ReviewRule[] = [
  dateGivenUnlessDelayed,
  idNotReserved,
  eachOf("themes", isThemeText, [themeHasLetters, themeAddressNotShared]),
  idNotTaken,
  folderNotLinked,
  eachOf("documents", isRecord, [noOverviewReportWhenWithheld, fileOrUrl, fileInFolder]),
];

/** Warnings about a review that has no problems. */
export const REVIEW_WARNINGS = [publishedByBuildDate] as const;

/** What every rule finds in one review, in order. */
export function reviewFindings(review: ReviewAtHand): Finding[] {
  return REVIEW_RULES.flatMap((rule) => rule(review));
}
