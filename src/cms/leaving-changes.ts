/**
 * What the editor says beside a review's date published while a maintainer works, before a save: for each review added or
 * re-dated (its date published or its type changed) since the file was opened or last saved, how long it
 * stays on the site by the build's own rule (src/cms/editor-rules.ts's leavingLine, src/rules/publication.ts),
 * so that the day an SCR leaves is seen before it is saved. Plain functions: they run here (tests) and in the
 * browser (src/cms/browser/leaving-live.ts).
 */
import type { IsoDate } from "../model/dates.ts";
import { isRecord } from "../content/document-files.ts";
import { leavingLine } from "./editor-rules.ts";

export interface LeavingChange {
  /** The review's title as typed so far, or "A new review". */
  title: string;
  change: "new" | "re-dated";
  /** How long it stays: "SCR, leaves the site on 2027-11-20", "CSPR, stays listed", or what it still needs. */
  line: string;
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
    if (was && was.published === review.published && was.type === review.type) continue;
    const title = typeof review.title === "string" && review.title.trim() ? review.title.trim() : "A new review";
    const line = leavingLine(review, retentionMonths, today) ?? "choose its type (CSPR or SCR) to see how long it stays";
    changes.push({ title, change: was ? "re-dated" : "new", line });
  }
  return changes;
}
