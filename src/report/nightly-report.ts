import { daysBetween, readableDate, type IsoDate } from "../model/dates.ts";
import type { Catalogue } from "../catalogue/index.ts";
import type { OpenDataRecord } from "../catalogue/open-data.ts";
import type { BuildMeta } from "../build/build-record.ts";
import type { AccessibilityResult } from "../checks/a11y-step.ts";

/** How far ahead the report warns about SCRs leaving the site. */
export const DUE_WITHIN_DAYS = 30;

export interface ReviewChange {
  id: string;
  type: string;
  title: string;
  reason: string;
}

/** What a failed night did about expired reviews (withdrawExpired, src/release/nightly.ts): which left the live site, how, and what went wrong on the way. */
export interface Withdrawal {
  /** "fallback": the live build's own code and data were rebuilt at the date; "last-step": their folders were deleted from the live build. */
  outcome: "none-due" | "no-live-build" | "fallback" | "last-step" | "failed";
  withdrawn: BuildMeta["listed"];
  problems: string[];
}

/** What the nightly job tells the business-support officers, and writes as JSON beside the published output. */
export interface NightlyReport {
  buildDate: IsoDate;
  published: boolean;
  /** Why the build did not go live, when it did not. */
  failure?: string;
  listed?: { total: number; byType: Record<string, number>; byArea: Record<string, number> };
  /** Null when there was no previous build to compare with, or it could not be read (see `changesUnavailable`). */
  changes?: { added: ReviewChange[]; removed: ReviewChange[] } | null;
  /** Why the changes could not be worked out. */
  changesUnavailable?: string;
  accessibility?: AccessibilityResult;
  /** On a failed night: what was taken off the live site because its removal date had come. */
  withdrawal?: Withdrawal;
  dueForRemoval?: { id: string; title: string; removalDate: IsoDate; daysLeft: number }[];
  warnings?: string[];
  /** A finder's only: each source not read at this build (its state, when last read, what went wrong). */
  sourcesNotRead?: { id: string; name: string; stateText: string; lastRead: IsoDate | null; problem: string }[];
}

function count<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Compare this build with the previous one (its `/reviews.json` records) and
 * list SCRs that leave the site within the next 30 days.
 */
export function nightlyReport(
  catalogue: Catalogue,
  previous: readonly Pick<OpenDataRecord, "id" | "type" | "title">[] | null,
  warnings: string[] = [],
  changesUnavailable?: string,
): NightlyReport {
  const listedIds = new Set(catalogue.listed.map((review) => review.id));
  const removedById = new Map(catalogue.removed.map((review) => [review.id, review]));
  const scheduledById = new Map(catalogue.scheduled.map((review) => [review.id, review]));
  let changes: NightlyReport["changes"] = null;
  if (previous) {
    const before = new Set(previous.map((record) => record.id));
    const added = catalogue.listed
      .filter((review) => !before.has(review.id))
      .map((review) => ({
        id: review.id,
        type: review.type,
        title: review.title,
        reason: review.published ? `published ${review.published}` : "listed with no date yet (delayed)",
      }));
    const removed = previous
      .filter((record) => !listedIds.has(record.id))
      .map((record) => {
        const gone = removedById.get(record.id);
        const later = scheduledById.get(record.id);
        const reason = gone
          ? `${catalogue.site.retentionMonths}-month window ended ${gone.removedOn}`
          : later
            ? `its publication date is now ${later.publishesOn}, after the build date`
            : "it is no longer in _data/reviews.json";
        return { id: record.id, type: record.type, title: record.title, reason };
      });
    changes = { added, removed };
  }
  const dueForRemoval = catalogue.listed
    .filter((review) => review.removalDate && daysBetween(catalogue.buildDate, review.removalDate) <= DUE_WITHIN_DAYS)
    .map((review) => ({
      id: review.id,
      title: review.title,
      removalDate: review.removalDate!,
      daysLeft: daysBetween(catalogue.buildDate, review.removalDate!),
    }))
    .sort((a, b) => (a.removalDate < b.removalDate ? -1 : a.removalDate > b.removalDate ? 1 : a.id.localeCompare(b.id)));
  return {
    buildDate: catalogue.buildDate,
    published: true,
    listed: {
      total: catalogue.listed.length,
      byType: count(catalogue.listed, (review) => review.type),
      byArea: count(catalogue.listed, (review) => review.areaLabel),
    },
    changes,
    ...(changes === null && changesUnavailable ? { changesUnavailable } : {}),
    dueForRemoval,
    warnings,
    ...(catalogue.finder
      ? {
          sourcesNotRead: catalogue.finder.sources
            .filter((source) => source.state !== "read")
            .map(({ id, name, stateText, lastRead, problems }) => ({ id, name, stateText, lastRead, problem: problems[0] ?? "no reason recorded." })),
        }
      : {}),
  };
}

/** The report in a few lines of plain text, for the job's log. */
export function formatReport(report: NightlyReport): string {
  const withdrawal = report.withdrawal;
  const unchanged = !withdrawal || withdrawal.outcome === "none-due" || withdrawal.outcome === "no-live-build";
  const date = report.buildDate ? readableDate(report.buildDate) : "an unknown date";
  const lines = [`Nightly build for ${date}: ${report.published ? "published" : unchanged ? "NOT published; the live site is unchanged" : "NOT published"}.`];
  if (report.failure) lines.push(`Reason: ${report.failure}`);
  if (withdrawal) lines.push(...formatWithdrawal(withdrawal));
  if (report.listed) {
    const byType = Object.entries(report.listed.byType)
      .map(([type, n]) => `${n} ${type}`)
      .join(", ");
    const byArea = Object.entries(report.listed.byArea)
      .map(([area, n]) => `${area} ${n}`)
      .join(", ");
    const by = report.sourcesNotRead ? "partnership" : "area";
    lines.push(`Listed: ${report.listed.total} ${report.listed.total === 1 ? "review" : "reviews"} (${byType}). By ${by}: ${byArea}.`);
  }
  for (const source of report.sourcesNotRead ?? [])
    lines.push(
      `Source not read tonight: ${source.name} (${source.id}): ${source.stateText}; last read ${source.lastRead ? readableDate(source.lastRead) : "never"}. ${source.problem}`,
    );
  if (report.changes === null) lines.push(`Changes: ${report.changesUnavailable ?? "there was no previous build to compare with"}.`);
  else if (report.changes) {
    const { added, removed } = report.changes;
    if (added.length + removed.length === 0) lines.push("Changes since the previous build: none.");
    else {
      lines.push("Changes since the previous build:");
      for (const change of removed) lines.push(`  - ${change.id} (${change.type}) removed: ${change.reason}`);
      for (const change of added) lines.push(`  + ${change.id} (${change.type}) added: ${change.reason}`);
    }
  }
  if (report.dueForRemoval) {
    if (report.dueForRemoval.length === 0) lines.push(`No SCRs are due to be removed in the next ${DUE_WITHIN_DAYS} days.`);
    else {
      lines.push(`SCRs due to be removed in the next ${DUE_WITHIN_DAYS} days:`);
      // Each is still listed tonight: its day is to come (at least tomorrow).
      for (const due of report.dueForRemoval)
        lines.push(`  ${due.id} (${due.title}): leaves on ${due.removalDate}, in ${due.daysLeft} ${due.daysLeft === 1 ? "day" : "days"}`);
    }
  }
  const urls = report.accessibility?.urls ? ` (✔ ${report.accessibility.urls} URLs passed: each page at phone and desktop width)` : "";
  if (report.accessibility?.scope === "changed") {
    const a = report.accessibility;
    lines.push(
      `Accessibility check passed: ${a.checked} of ${a.of} pages${urls}, one of each kind of page and every page new or changed since the live build (npm run test:a11y checks them all).`,
    );
  } else if (report.accessibility) lines.push(`Accessibility check passed: every page${urls}.`);
  for (const warning of report.warnings ?? []) lines.push(`Warning: ${warning}`);
  return lines.join("\n");
}

/** What a failed night did about expired reviews, in words that cannot be missed. */
function formatWithdrawal(withdrawal: Withdrawal): string[] {
  const lines: string[] = [];
  const list = withdrawal.withdrawn.map((review) => `  - ${review.id} (${review.title}): removal date ${review.removalDate ?? "none"}`);
  switch (withdrawal.outcome) {
    case "no-live-build":
      lines.push("There is no live site, so nothing had to be withdrawn from it.");
      break;
    case "none-due":
      lines.push("Nothing on the live site was due to be removed tonight, so the live site is unchanged.");
      break;
    case "fallback":
      lines.push(
        "FALLBACK RAN: the live site was rebuilt with its own code and data at tonight's date (yesterday's build, which succeeded), so these reviews, whose removal date has come, left it:",
        ...list,
      );
      break;
    case "last-step":
      lines.push(
        "LAST STEP: even the fallback failed, so these reviews' folders (page and documents), the search index, reviews.json, reviews.csv, feed.xml and sitemap.xml were deleted from the live site:",
        ...list,
        "  Their titles may still be named on the home page and the list pages, linking to pages that are gone. Act now: fix the build and run npm run nightly, or take the site down.",
      );
      break;
    case "failed":
      lines.push("FAILED TO WITHDRAW: reviews whose removal date has come may still be on the live site. Act now: fix the build, or take the site down.");
      break;
  }
  for (const problem of withdrawal.problems) lines.push(`  problem: ${problem}`);
  return lines;
}
