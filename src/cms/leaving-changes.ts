/**
 * What the editor says beside a review's date published while a maintainer works, before a save: for each review added or
 * re-dated (its date published or its type changed) since the file was opened or last saved, how long it
 * stays on the site by the build's own rule (src/cms/editor-rules.ts's leavingLine, src/rules/publication.ts),
 * so that the day an SCR leaves is seen before it is saved. The form holds the date as typed ("20 November 2026",
 * "20/11/2026"), the saved file `YYYY-MM-DD`: both are read as src/cms/editor-dates.ts reads them, and a date that
 * cannot be read gives no day. Plain functions: they run here (tests) and in the browser (src/cms/browser/leaving-live.ts).
 */
import type { IsoDate } from "../model/dates.ts";
import { readableDate } from "../model/dates.ts";
import { isRecord } from "../content/document-files.ts";
import { leavingLine } from "./editor-rules.ts";
import { typedDate } from "./editor-dates.ts";

export interface LeavingChange {
  /** The review's title as typed so far, or "A new review". */
  title: string;
  change: "new" | "re-dated";
  /** How long it stays: "SCR, leaves the site on 20 November 2027", "CSPR, stays listed", or what it still needs. */
  line: string;
  /** Whether `line` is the site's rule applied (false: it says what is missing or wrong first). */
  byRule: boolean;
}

/** A date published as the form or the file holds it, for comparing: the day it means, or the text if it means none. */
function dayOf(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  return text === "" ? undefined : (typedDate(text) ?? text);
}

/** What is said for a review whose type or date does not yet give how long it stays; undefined when the rule can say. */
function missing(review: Record<string, unknown>, today: IsoDate): string | undefined {
  if (review.type !== "CSPR" && review.type !== "SCR") return "choose its type (CSPR or SCR) to see how long it stays";
  const published = review.published;
  if (review.type === "SCR" && typeof published === "string" && published.trim() !== "" && typedDate(published) === undefined) {
    return `the date published cannot be read, so the day it leaves is not known: write it day month year, e.g. ${readableDate(today)}`;
  }
  return undefined;
}

/**
 * The reviews in `value` (the form's list, or what of each review the form shows) that are new or re-dated
 * since `saved` (the file as opened or last saved), with how long each stays.
 */
export function leavingChanges(value: unknown, saved: unknown, retentionMonths: number, today: IsoDate): LeavingChange[] {
  if (!Array.isArray(value)) return [];
  const before = new Map<unknown, Record<string, unknown>>();
  if (Array.isArray(saved)) for (const review of saved) if (isRecord(review) && typeof review.id === "string") before.set(review.id, review);
  const changes: LeavingChange[] = [];
  for (const given of value) {
    if (!isRecord(given)) continue;
    const was = typeof given.id === "string" && given.id !== "" ? before.get(given.id) : undefined;
    // A field not given (the form has not drawn it yet) is as saved; one given as undefined was emptied.
    const review = was ? { ...was, ...given } : given;
    if (was && dayOf(was.published) === dayOf(review.published) && was.type === review.type) continue;
    const title = typeof review.title === "string" && review.title.trim() ? review.title.trim() : "A new review";
    const problem = missing(review, today);
    const line = problem ?? leavingLine(review, retentionMonths, today) ?? "";
    changes.push({ title, change: was ? "re-dated" : "new", line, byRule: problem === undefined });
  }
  return changes;
}

/** The sentence shown under the review's date published. */
export function leavingNote(change: LeavingChange): string {
  const state = `this review is ${change.change}, not saved yet`;
  return change.byRule ? `${change.line}, by the site's rule (${state}).` : `${change.line[0]!.toUpperCase()}${change.line.slice(1)} (${state}).`;
}
