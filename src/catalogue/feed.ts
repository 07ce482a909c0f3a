import { DateTime } from "luxon";
import { ZONE, type IsoDate } from "../model/dates.ts";
import type { SiteSettings } from "../model/site-settings.ts";
import { absoluteUrl } from "./addresses.ts";
import type { FeedView, ReviewView } from "./views.ts";

/** How many entries the feed carries. */
export const FEED_SIZE = 20;

/** Midnight in London at the start of `date`. */
function londonMidnight(date: IsoDate): Date {
  return DateTime.fromISO(date, { zone: ZONE }).toJSDate();
}

/**
 * The feed: the newest FEED_SIZE dated reviews (`listed` is newest first). Its
 * summaries are `summaryInFull`'s, with every link written in full, as a feed
 * reader reads a link against the feed's address; without it, the pages' own.
 */
export function feedView(
  listed: readonly ReviewView[],
  site: SiteSettings,
  buildDate: IsoDate,
  summaryInFull: (review: ReviewView) => string = (review) => review.summaryHtml,
): FeedView {
  const entries = listed
    .filter((review) => review.published)
    .slice(0, FEED_SIZE)
    .map((review) => ({
      id: absoluteUrl(site.url, review.url),
      title: review.title,
      url: absoluteUrl(site.url, review.url),
      date: londonMidnight(review.published!),
      typeName: review.typeName,
      areaLabel: review.areaLabel,
      summaryHtml: summaryInFull(review),
    }));
  return { updated: entries[0]?.date ?? londonMidnight(buildDate), entries };
}
