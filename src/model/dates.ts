import * as z from "zod";

/** Every calendar rule on this site is applied in the partnership's own time zone. */
export const ZONE = "Europe/London";

/**
 * Date-only arithmetic (adding months or days to a calendar date) does not depend on a time zone, so it is
 * plain arithmetic on the year, month and day (checked against luxon's by a property test); the London zone
 * matters only when turning an instant into a date (londonDateAt, with the platform's own Intl). So this module
 * needs no date library, and the editor's script (src/cms/browser/) carries none.
 */
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const pad = (n: number) => String(n).padStart(2, "0");

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * A date as the data and `BUILD_DATE` write it: `YYYY-MM-DD`, a day that exists
 * (zod 4's calendar-aware `z.iso.date()`: `2024-02-29` is one, `2023-02-30` is
 * not). The one definition of a date: the data files' schemas, their JSON
 * Schemas and the build date all use it. `error` gives a schema's own message.
 */
export function isoDateSchema(error?: (issue: z.core.$ZodRawIssue) => string) {
  return z.iso.date(error ? { error } : undefined);
}

const ISO_DATE = isoDateSchema();

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so `2023-02-30` is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  return ISO_DATE.safeParse(value).success;
}

/**
 * True when `value` is written as a date, `YYYY-MM-DD`, whether or not that day
 * exists: it tells "there is no 30 February" from "this is not written as a date".
 */
export function writtenAsDate(value: unknown): value is string {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** The year, month (1-12) and day of a real date written `YYYY-MM-DD`. */
function partsOf(date: IsoDate): [number, number, number] {
  if (!isIsoDate(date)) throw new Error(`Could not read "${date}" as a date written YYYY-MM-DD`);
  return date.split("-").map(Number) as [number, number, number];
}

/** How many days a month (1-12) of a year has. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const written = (year: number, month: number, day: number): IsoDate => `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;

/**
 * The same day `months` calendar months later. Where that month is shorter,
 * the last day of it: 2024-02-29 plus 12 months is 2025-02-28.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const toYear = Math.floor(index / 12);
  const toMonth = index - toYear * 12 + 1;
  return written(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const utc = (date: IsoDate) => {
    const [year, month, day] = partsOf(date);
    const at = new Date(0);
    at.setUTCFullYear(year, month - 1, day);
    return at.getTime();
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

const readable = new Map<IsoDate, string>();

/** As people in the UK write a date: `14 June 2017`. */
export function readableDate(date: IsoDate): string {
  let text = readable.get(date);
  if (text === undefined) {
    const [year, month, day] = partsOf(date);
    const name = MONTHS[month - 1]!;
    text = `${day} ${name[0]!.toUpperCase()}${name.slice(1)} ${String(year).padStart(4, "0")}`;
    readable.set(date, text);
  }
  return text;
}

/** The year of a date, as a number. */
export function yearOf(date: IsoDate): number {
  return partsOf(date)[0];
}

const LONDON = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date in London at an instant. */
export function londonDateAt(instant: Date): IsoDate {
  const part = (type: string) => Number(LONDON.formatToParts(instant).find((p) => p.type === type)!.value);
  return written(part("year"), part("month"), part("day"));
}

/** A number of months in words: "1 month", "24 months" (how long an SCR stays, `retentionMonths`). */
export function monthsText(months: number): string {
  return `${months} ${months === 1 ? "month" : "months"}`;
}

/**
 * The date a text probably means when it is written another way than `YYYY-MM-DD`: day first as in the UK
 * (`20/11/2026`, `20-11-2026`, `20.11.2026`), year first with slashes or single digits (`2026/11/20`, `2026-1-5`),
 * or in words (`20 November 2026`). Undefined when it is not a real date read that way.
 */
export function dateWrittenOtherwise(text: unknown): IsoDate | undefined {
  if (typeof text !== "string" || text.length > 40) return undefined;
  const value = text.trim();
  let parts: [number, number, number] | undefined;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (match) parts = [Number(match[3]), Number(match[2]), Number(match[1])];
  match ??= /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(value);
  if (match && !parts) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  const words = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+),? (\d{4})$/.exec(value);
  if (words) {
    const month = MONTHS.findIndex((name) => name.startsWith(words[2]!.toLowerCase()) && words[2]!.length >= 3);
    if (month >= 0) parts = [Number(words[3]), month + 1, Number(words[1])];
  }
  if (!parts) return undefined;
  const iso = `${parts[0]}-${pad(parts[1])}-${pad(parts[2])}`;
  return iso !== value && isIsoDate(iso) ? iso : undefined;
}

/** Why a date written `YYYY-MM-DD` is not a real day, with an example from its own month. */
export function impossibleDateHint(text: string): string {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `there are 12 months, and the month is the middle number, e.g. ${year}-12-${pad(Math.min(day, 31) || 1)}`;
  const days = daysInMonth(year, month);
  const name = MONTHS[month - 1]!;
  return `${name[0]!.toUpperCase()}${name.slice(1)} ${year} has ${days} days, e.g. ${year}-${pad(month)}-${day < 1 ? "01" : pad(days)}`;
}
