import { daysBetween, type IsoDate } from "../model/dates.ts";
import type { Problem } from "../model/problems.ts";
import type { Harvest, SourceReport } from "./harvest.ts";
import { notListedAt } from "./record-dates.ts";
import type { SourceRecord } from "./source-feed.ts";
import type { Source } from "./source-list.ts";

/**
 * A source's last good records carried to a later date (issue 23, "Trust"): when its feed cannot be
 * read today, and when a kept harvest is rebuilt after a failed night (`harvestAt`). Each record is
 * held to the same date rule as a fresh read (src/sources/record-dates.ts), and a source unread for
 * longer than the finder keeps it has its records dropped, with a notice that says since when.
 */

/** How many days after the London date a source was last read its records are kept: read on 1 December, kept through 8 December, dropped from 9 December. */
export const KEEP_UNREAD_DAYS = 7;

/** A source's row of the harvest with the records it lists. */
export interface SourceHarvest {
  report: SourceReport;
  records: SourceRecord[];
}

export const sourceFile = (source: Source) => `source "${source.id}" (${source.feed})`;

const daysLater = (date: IsoDate, days: number): IsoDate => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The records of `all` that are `source`'s own (keyed by its id, and the first of each key), in their order. */
export function ownRecords(all: readonly SourceRecord[], source: string): SourceRecord[] {
  const seen = new Set<string>();
  return all.filter((record) => {
    if (record.source !== source || record.key !== `${source}/${record.id}` || seen.has(record.key)) return false;
    seen.add(record.key);
    return true;
  });
}

/**
 * `report` and `records` carried to `today`. `fresh`: the report's problems are today's (its feed was just tried),
 * so the notice is said again; otherwise (a harvest rebuilt) it is said only when the state changes.
 */
export function carried(report: SourceReport, records: readonly SourceRecord[], today: IsoDate, keepDays: number, fresh: boolean): SourceHarvest {
  if (report.lastRead === null) return { report: { ...report, listed: 0 }, records: [] };
  const { lastRead, source } = report;
  const file = sourceFile(source);
  const until = daysLater(lastRead, keepDays);
  const dropping = report.state === "dropped" || daysBetween(lastRead, today) > keepDays;
  const state = dropping ? "dropped" : report.state === "read" && lastRead === today && !fresh ? "read" : "kept";
  const notice = (message: string): Problem[] => (fresh || state !== report.state ? [{ file, message }] : []);
  if (dropping) {
    const problems = notice(
      `it has not been read since ${lastRead}, more than ${keepDays} days ago, so its reviews are no longer listed. Check its feed address in _data/sources.json and ask the partnership whether its site is up; its reviews are listed again as soon as its feed is read.`,
    );
    const gone = records.map((record) => ({ key: record.key, reason: `its source has not been read since ${lastRead}.` }));
    return { report: { ...report, state, listed: 0, problems: [...report.problems, ...problems], dropped: [...report.dropped, ...gone] }, records: [] };
  }
  const kept: SourceRecord[] = [];
  const dropped = [...report.dropped];
  for (const record of records) {
    const reason = notListedAt(record, today);
    if (reason === null) kept.push(record);
    else dropped.push({ key: record.key, reason });
  }
  const problems =
    state === "kept"
      ? notice(
          `it was last read on ${lastRead}: the reviews read then are kept, each only while still within its own dates, until ${until}, and dropped after that if its feed still cannot be read.`,
        )
      : [];
  return { report: { ...report, state, listed: kept.length, problems: [...report.problems, ...problems], dropped }, records: kept };
}

/** What a source not readable today lists: its last good records in `previous`, when they were read from the same address. */
export function unreadToday(source: Source, problems: Problem[], previous: Harvest | null, today: IsoDate, keepDays: number): SourceHarvest {
  const before = previous?.sources.find((s) => s.source.id === source.id);
  const never: SourceHarvest = { report: { source, state: "never", lastRead: null, listed: 0, problems, dropped: [] }, records: [] };
  if (!before || before.lastRead === null || !previous) return never;
  if (before.source.feed !== source.feed || before.source.site !== source.site) {
    const was = `${before.source.feed}${before.source.site ? ` for ${before.source.site}` : ""}`;
    const message = `its address has changed since it was last read (on ${before.lastRead}, from ${was}), so the reviews read then are not kept.`;
    return { ...never, report: { ...never.report, problems: [...problems, { file: sourceFile(source), message }] } };
  }
  const report: SourceReport = { ...before, source, state: before.state === "dropped" ? "dropped" : "kept", problems, dropped: [] };
  return carried(report, ownRecords(previous.records, source.id), today, keepDays, true);
}
