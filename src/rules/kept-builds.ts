import type { IsoDate } from "../model/dates.ts";
import { decide, type PublicationSettings, type RuleInput } from "./publication.ts";
import { isAfterToday, removalHasCome } from "./release-dates.ts";

/**
 * What a kept build may publish when it is rebuilt at a later date (a failed night's fallback) or made live again
 * (a rollback): pure decisions on what its build.json records (src/build/build-record.ts).
 */
export interface Listing {
  buildDate: IsoDate;
  listed: readonly { id: string; removalDate: IsoDate | null }[];
  removed: readonly string[];
  /** Its document files, as paths in its site (`reviews/<id>/<file>`). */
  documents?: readonly string[];
}

/** What a build would publish: reviews by id, documents by path. */
export interface Published {
  ids: readonly string[];
  documents: readonly string[];
}

const reviewOf = (file: string) => file.split("/")[1]!;

/**
 * The reviews of a kept build that a rebuild at `date` may publish: what it listed or removed, never what it did
 * not publish yet, nor a review it removed that `date` would list again (a build dated after today: its documents
 * are not in its copy).
 */
export function keptReviews<R extends RuleInput & { id: string }>(reviews: readonly R[], kept: Listing, date: IsoDate, settings: PublicationSettings): R[] {
  const listed = new Set(kept.listed.map((review) => review.id));
  const removed = new Set(kept.removed);
  return reviews.filter((review) => listed.has(review.id) || (removed.has(review.id) && decide(review, date, settings).state !== "listed"));
}

/** What a kept build's data, rebuilt at `date`, publishes: the kept reviews the rule lists then, with the documents the build published for them. */
export function rebuiltAt<R extends RuleInput & { id: string }>(reviews: readonly R[], kept: Listing, date: IsoDate, settings: PublicationSettings): Published {
  const ids = keptReviews(reviews, kept, date, settings)
    .filter((review) => decide(review, date, settings).state === "listed")
    .map((review) => review.id);
  const listed = new Set(ids);
  return { ids, documents: (kept.documents ?? []).filter((file) => listed.has(reviewOf(file))) };
}

/**
 * What making `candidate` (made from the build `target`) live would bring back that the live build no longer publishes:
 * taken off on purpose (withheld, deleted or re-dated in the data), or by the rule. Not counted: what a live build dated
 * after today dropped only by its date, which today still lists.
 */
export function broughtBack(candidate: Published, target: Listing, live: Listing, today: IsoDate): string[] {
  const liveIsFuture = isAfterToday(live.buildDate, today);
  const byDate = ({ removalDate }: Listing["listed"][number]) =>
    liveIsFuture && removalDate !== null && removalHasCome(removalDate, live.buildDate) && !removalHasCome(removalDate, today);
  const droppedByDate = new Set(target.listed.filter(byDate).map((review) => review.id));
  const liveIds = new Set(live.listed.map((review) => review.id));
  const liveDocuments = new Set(live.documents ?? []);
  return [
    ...candidate.ids.filter((id) => !liveIds.has(id) && !droppedByDate.has(id)).map((id) => `the review ${id}`),
    ...candidate.documents
      .filter((file) => !liveDocuments.has(file) && !droppedByDate.has(reviewOf(file)) && liveIds.has(reviewOf(file)))
      .map((file) => `the document ${file}`),
  ];
}
