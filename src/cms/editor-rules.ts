/**
 * What the editor at /admin/ does with `_data/reviews.json`, as plain functions
 * that run both here (tests) and in the browser (bundled into
 * /admin/reviews-editor.js by src/cms/editor-bundle.ts):
 *
 * - on opening the file, each dated SCR gets a line saying the day it leaves
 *   the site (and each CSPR that it stays), by the build's own rule, for the
 *   editor's list to show; it is worked out when the file is opened;
 * - on saving, that line is taken out again, the file is written in its one
 *   form (2-space JSON, trailing newline), and the build's own validation runs
 *   on it: a save that `npm run validate` would refuse is refused, in its words.
 */
import type { IsoDate } from "../model/dates.ts";
import { londonDateAt, monthsText, readableDate } from "../model/dates.ts";
import { isRecord } from "../content/document-files.ts";
import { removalDate } from "../rules/publication.ts";
import { parseJsonText } from "../content/json-source.ts";
import type { Problem } from "../model/problems.ts";
import { validateReviews } from "../content/validate.ts";
import { REVIEWS_FILE } from "../content/paths.ts";
import { datesForFile, datesInWords, typedDate, typedDateProblems, unreadableDatesAs } from "./editor-dates.ts";

/** The key the editor's list reads the leaving line from; never saved. */
export const LEAVES_KEY = "leaves_site";

/** What the editor needs of `_data/site.json`, fixed when the site is built. */
export interface EditorSettings {
  retentionMonths: number;
  areaKeys: readonly string[];
}

/**
 * What the editor's list says of a review's time on the site, by the build's own
 * rule: "SCR, leaves the site on 14 September 2027" for a dated SCR ("left the site on"
 * once that day has come), "SCR, leaves 12 months after it is published" (its `retentionMonths`) for one
 * with no date yet, "CSPR, stays listed". The date published may be as the file has it or as the form shows it.
 */
export function leavingLine(review: unknown, retentionMonths: number, today: IsoDate): string | undefined {
  if (!isRecord(review)) return undefined;
  if (review.type === "CSPR") return "CSPR, stays listed";
  if (review.type !== "SCR") return undefined;
  const published = typeof review.published === "string" ? typedDate(review.published) : undefined;
  if (!published) return `SCR, leaves ${monthsText(retentionMonths)} after it is published`;
  const leaves = removalDate(published, { retentionMonths });
  return `SCR, ${leaves <= today ? "left" : "leaves"} the site on ${readableDate(leaves)}`;
}

/** Today's date in London, where the build reads its dates, from `now` (a browser's clock). */
export function londonToday(now: Date = new Date()): IsoDate {
  return londonDateAt(now);
}

/** The file's reviews as the editor shows them: each with its leaving line. */
export function withLeavingLines(value: unknown, retentionMonths: number, today: IsoDate): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((review) => {
    const line = leavingLine(review, retentionMonths, today);
    return line === undefined ? review : { ...(review as Record<string, unknown>), [LEAVES_KEY]: line };
  });
}

/**
 * The file's text as the editor opens it: parsed (a byte order mark first is
 * skipped, as the build skips it: a file read from a folder loses it on the way,
 * but text fetched from GitHub may keep it; not tried, no network here) and each
 * review given its leaving line, and its dates in words (src/cms/editor-dates.ts).
 */
export function reviewsFromFile(text: string, retentionMonths: number, today: IsoDate): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return datesInWords(withLeavingLines(JSON.parse(body), retentionMonths, today));
}

/** `_data/reviews.json` as the editor writes it: the leaving lines taken out, dates `YYYY-MM-DD`, 2-space JSON, a trailing newline. */
export function reviewsFileText(value: unknown): string {
  const list = Array.isArray(value) ? value.map((review) => (isRecord(review) ? withoutKey(review, LEAVES_KEY) : review)) : value;
  return `${JSON.stringify(datesForFile(list), null, 2)}\n`;
}

function withoutKey(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

/**
 * Everything the build's validation refuses in `text`, except what needs the
 * documents' folder (whether a file is there): that is checked on the commit,
 * by `npm run validate` in CI. With the form's reviews (`form`), a date typed there that cannot be read is said
 * in the form's words (day month year), in place of the build's.
 */
export function editorProblems(text: string, settings: EditorSettings, today: IsoDate, form?: unknown): Problem[] {
  const typed = form === undefined ? [] : typedDateProblems(form, today);
  const parsed = parseJsonText(typed.length ? reviewsFileText(unreadableDatesAs(form, today)) : text, REVIEWS_FILE);
  if (!parsed.source) return parsed.problems;
  return [...typed, ...validateReviews(parsed.source, { areaKeys: settings.areaKeys, reviewsDir: null, buildDate: today }).errors];
}

/**
 * The problems as the editor says them: by review and field, without the file's name and line numbers, which an
 * officer in a form never sees (nor where a list of areas is kept).
 */
export function editorMessage(problems: readonly Problem[]): string {
  const lines = problems.map((p, i) => {
    const where = [p.review, p.field && `field "${p.field}"`].filter(Boolean).join(", ") || "The list of reviews";
    return `  ${i + 1}. ${where}: ${p.message.replace(/ \(listed in _data\/site\.json\)/g, "")}`;
  });
  return `${problems.length} ${problems.length === 1 ? "problem" : "problems"}:\n${lines.join("\n")}`;
}
