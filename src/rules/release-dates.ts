import type { IsoDate } from "../model/dates.ts";

/**
 * The date rules of a release, in one place: when a removal date has come, and
 * whether a build may replace the live one. `today` is always the clock's
 * London date; a build date may differ from it (BUILD_DATE).
 */

/** Whether a review whose removal date is `removalDate` is gone at `date`: on the day itself and after. */
export function removalHasCome(removalDate: IsoDate, date: IsoDate): boolean {
  return removalDate <= date;
}

/** The reviews among `listed` whose removal date has come by `date` (those with none stay). */
export function expiredBy<T extends { removalDate: IsoDate | null }>(listed: readonly T[], date: IsoDate): T[] {
  return listed.filter((review) => review.removalDate !== null && removalHasCome(review.removalDate, date));
}

/** Whether `date` is after today: a build for such a date lists reviews that are not public yet. */
export function isAfterToday(date: IsoDate, today: IsoDate): boolean {
  return date > today;
}

/** What is wrong with a build dated after today, in the words every message about one uses. */
export function madeAfterToday(buildDate: IsoDate, today: IsoDate): string {
  return `was made for ${buildDate}, after today (${today}), so it may list reviews that are not public yet`;
}

export interface PublishDates {
  buildDate: IsoDate;
  today: IsoDate;
  /** The live build's date, when there is a live build that records one. */
  liveDate?: IsoDate;
  allowFutureDate?: boolean;
}

export type PublishDecision =
  | { verdict: "publish"; replacesFutureLive?: IsoDate }
  | { verdict: "refuse"; why: "future" }
  | { verdict: "refuse"; why: "earlier"; liveDate: IsoDate };

/**
 * Whether a build dated `buildDate` may go live. A build dated after today is
 * refused unless asked for (it would publish reviews early). A build dated
 * before the live one is always refused (it would bring back what the live site
 * has removed), but only when the live build's date is not after today: a live
 * build dated in the future is itself wrong, and today's build replaces it.
 */
export function publishDecision(dates: PublishDates): PublishDecision {
  const { buildDate, today, liveDate } = dates;
  if (isAfterToday(buildDate, today) && !dates.allowFutureDate) return { verdict: "refuse", why: "future" };
  if (liveDate === undefined || buildDate >= liveDate) return { verdict: "publish" };
  if (isAfterToday(liveDate, today)) return { verdict: "publish", replacesFutureLive: liveDate };
  return { verdict: "refuse", why: "earlier", liveDate };
}
