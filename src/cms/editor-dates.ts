/**
 * Dates in the editor's form as the site writes them: "20 November 2026", day month year, typed in a text box
 * (a browser's date picker shows the order of the browser's language, US in most, and Sveltia CMS adds "UTC").
 * The file keeps `YYYY-MM-DD`: a date is turned into words when the editor opens the file and back when it
 * saves; one that cannot be read is said to be so, in words, and the save refused.
 */
import { isRecord } from "../content/document-files.ts";
import type { IsoDate } from "../model/dates.ts";
import { dateWrittenOtherwise, isIsoDate, readableDate } from "../model/dates.ts";
import { quote, type Problem } from "../model/problems.ts";
import { REVIEWS_FILE } from "../content/paths.ts";

/** The review fields that hold a date. */
export const DATE_FIELDS = ["published"] as const;

/** What a date typed in the form means: `20 November 2026`, `20 Nov 2026`, `20/11/2026` or `2026-11-20`. */
export function typedDate(text: string): IsoDate | undefined {
  const value = text.trim();
  return isIsoDate(value) ? value : dateWrittenOtherwise(value);
}

function mapDates(value: unknown, change: (text: string) => string): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((review) => {
    if (!isRecord(review)) return review;
    const out = { ...review };
    for (const name of DATE_FIELDS) if (typeof out[name] === "string") out[name] = change(out[name] as string);
    return out;
  });
}

/** The file's reviews as the form shows them: each date in words. */
export function datesInWords(value: unknown): unknown {
  return mapDates(value, (text) => (isIsoDate(text) ? readableDate(text) : text));
}

/** The form's reviews as the file keeps them: each date it can read as `YYYY-MM-DD`, any other as typed (see typedDateProblems). */
export function datesForFile(value: unknown): unknown {
  return mapDates(value, (text) => typedDate(text) ?? text);
}

/** Each date in the form that cannot be read, said so: the review, the field, and how to write it, with today as the example. */
export function typedDateProblems(value: unknown, today: IsoDate): Problem[] {
  if (!Array.isArray(value)) return [];
  const problems: Problem[] = [];
  value.forEach((review, i) => {
    if (!isRecord(review)) return;
    for (const field of DATE_FIELDS) {
      const text = review[field];
      if (typeof text !== "string" || text.trim() === "" || typedDate(text) !== undefined) continue;
      problems.push({
        file: REVIEWS_FILE,
        review: typeof review.id === "string" && review.id ? `review ${quote(review.id)}` : `review ${i + 1} in the list`,
        field,
        message: `${quote(text)} is not a day that exists, written day month year; write it as the site does, e.g. ${readableDate(today)}.`,
      });
    }
  });
  return problems;
}

/** The form's reviews with each date that cannot be read put as `today`, for the build's checks of the rest (said once, by typedDateProblems). */
export function unreadableDatesAs(value: unknown, today: IsoDate): unknown {
  return mapDates(value, (text) => (text.trim() === "" || typedDate(text) !== undefined ? text : today));
}
