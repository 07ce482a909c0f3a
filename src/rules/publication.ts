import { addMonths, type IsoDate } from "../model/dates.ts";
import type { ReviewStatus, ReviewType } from "../model/review.ts";
import { removalHasCome } from "./release-dates.ts";

/**
 * The publication rule, in one place:
 *
 * - A CSPR stays listed.
 * - An SCR is listed while the build date is before its publication date plus
 *   `retentionMonths` calendar months, and dropped on that anniversary
 *   (published 2024-02-29 with 12 months: dropped from 2025-02-28).
 * - A withheld review carries the `withheld` footnote (`*`), a delayed one the
 *   `delayed` footnote (`**`). A delayed review with no date yet stays listed;
 *   an SCR's clock starts when it has a date.
 * - A review whose date is after the build date is not listed until that date.
 */

/** Footnotes, in the order their codes run (`*`, then `**`). */
export const FOOTNOTES = ["withheld", "delayed"] as const;
export type Footnote = (typeof FOOTNOTES)[number];

export interface PublicationSettings {
  /** How long an SCR stays listed after publication, in calendar months. */
  retentionMonths: number;
}

/** What the rule needs to know of a review. */
export interface RuleInput {
  type: ReviewType;
  status: ReviewStatus;
  published?: IsoDate;
}

export type Decision =
  /** On the site. `removalDate` is the day an SCR leaves it; CSPRs and undated reviews have none. */
  | { state: "listed"; footnote?: Footnote; removalDate?: IsoDate }
  /** Gone from the site since `removedOn`; only a notice stays at its address. */
  | { state: "removed"; removedOn: IsoDate }
  /** Not on the site until `publishesOn`. */
  | { state: "scheduled"; publishesOn: IsoDate };

/** The day an SCR published on `published` leaves the site. */
export function removalDate(published: IsoDate, settings: PublicationSettings): IsoDate {
  return addMonths(published, settings.retentionMonths);
}

function footnoteFor(status: ReviewStatus): Footnote | undefined {
  return status === "published" ? undefined : status;
}

/** Apply the rule to one review at `buildDate` (a London calendar date). */
export function decide(review: RuleInput, buildDate: IsoDate, settings: PublicationSettings): Decision {
  const footnote = footnoteFor(review.status);
  const withFootnote = footnote ? { footnote } : {};
  if (review.published === undefined) return { state: "listed", ...withFootnote };
  if (review.published > buildDate) return { state: "scheduled", publishesOn: review.published };
  if (review.type === "CSPR") return { state: "listed", ...withFootnote };
  const leaves = removalDate(review.published, settings);
  if (removalHasCome(leaves, buildDate)) return { state: "removed", removedOn: leaves };
  return { state: "listed", ...withFootnote, removalDate: leaves };
}

export interface Publication<R extends RuleInput> {
  listed: { review: R; footnote?: Footnote; removalDate?: IsoDate }[];
  removed: { review: R; removedOn: IsoDate }[];
  scheduled: { review: R; publishesOn: IsoDate }[];
  /** The footnotes the listed reviews use, in code order: the legend shows these and no others. */
  legend: Footnote[];
}

/** Apply the rule to every review; each review lands in exactly one of listed, removed or scheduled, in input order. */
export function applyPublicationRules<R extends RuleInput>(reviews: readonly R[], buildDate: IsoDate, settings: PublicationSettings): Publication<R> {
  const result: Publication<R> = { listed: [], removed: [], scheduled: [], legend: [] };
  const used = new Set<Footnote>();
  for (const review of reviews) {
    const decision = decide(review, buildDate, settings);
    switch (decision.state) {
      case "listed":
        result.listed.push({
          review,
          ...(decision.footnote ? { footnote: decision.footnote } : {}),
          ...(decision.removalDate ? { removalDate: decision.removalDate } : {}),
        });
        if (decision.footnote) used.add(decision.footnote);
        break;
      case "removed":
        result.removed.push({ review, removedOn: decision.removedOn });
        break;
      case "scheduled":
        result.scheduled.push({ review, publishesOn: decision.publishesOn });
        break;
    }
  }
  result.legend = legendOrder(used);
  return result;
}

/** The footnotes among `used`, once each, in code order: what a legend shows. */
export function legendOrder(used: Iterable<Footnote | undefined>): Footnote[] {
  const set = new Set(used);
  return FOOTNOTES.filter((footnote) => set.has(footnote));
}
