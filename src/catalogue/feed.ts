import { DateTime } from "luxon";
import { ZONE, type IsoDate } from "../model/dates.ts";
import type { SiteSettings } from "../content/site-settings.ts";
import { absoluteUrl } from "./addresses.ts";
import type { FeedView, ReviewView } from "./views.ts";

/** How many entries the feed carries. */
export const FEED_SIZE = 20;

/** Midnight in London at the start of `date`. */
function londonMidnight(date: IsoDate): Date {
  return DateTime.fromISO(date, { zone: ZONE }).toJSDate();
}

/** The feed: the newest FEED_SIZE dated reviews (`listed` is newest first). */
export function feedView(listed: readonly ReviewView[], site: SiteSettings, buildDate: IsoDate): FeedView {
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
      summaryHtml: review.summaryHtml,
    }));
  return { updated: entries[0]?.date ?? londonMidnight(buildDate), entries };
}
