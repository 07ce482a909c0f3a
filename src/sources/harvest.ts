import type { IsoDate } from "../model/dates.ts";
import type { Problem } from "../model/problems.ts";
import { carried, KEEP_UNREAD_DAYS, ownRecords, type SourceHarvest, sourceFile, unreadToday } from "./kept-records.ts";
import { readSourceFeed, type SourceRecord } from "./source-feed.ts";
import type { Source } from "./source-list.ts";

export { KEEP_UNREAD_DAYS } from "./kept-records.ts";

/**
 * A finder's harvest (issue 23, part 2): every source's feed read once per build, at the finder's own
 * London date. This is the one thing the finder's build reads of its sources; the rest of the build
 * (catalogue, pages, its own feed, /sources/, the nightly report) is made from it alone, so that a
 * harvest kept with a build rebuilds the same finder (src/release/, a failed night), by `harvestAt`.
 */

/** What became of one source in this harvest: the row of /sources/ and of the nightly report. */
export interface SourceReport {
  source: Source;
  /**
   * `read`: read today; `kept`: not readable today, its last good records kept (each still within its own
   * dates); `dropped`: unread for too long, its records dropped with a notice; `never`: never read.
   */
  state: "read" | "kept" | "dropped" | "never";
  /** The London date it was last read successfully, or null when it never has been. */
  lastRead: IsoDate | null;
  /** How many of its reviews the finder lists from this harvest. */
  listed: number;
  /** What went wrong (reading it today, or in its records), each naming source, review and field; and, when kept or dropped, since when. */
  problems: Problem[];
  /** Records left out by the rules (not yet published, leaving day come, source unread too long), not for a fault. */
  dropped: { key: string; reason: string }[];
}

export interface Harvest {
  /** The finder's London date the harvest was made for. */
  date: IsoDate;
  sources: SourceReport[];
  /** Every listed review of every source, each keyed `<source id>/<review id>`, newest first. */
  records: SourceRecord[];
}

/** Reads one feed address; the harvest's only way out to the network (src/sources/fetch-feed.ts; injected by tests). */
export type FetchFeed = (address: string) => Promise<{ ok: true; body: Uint8Array } | { ok: false; problem: string }>;

/** How many sources are read at once: 100 sources take about 13 times one's time limit at worst, not 100 times. */
export const READ_AT_ONCE = 8;

export interface HarvestOptions {
  today: IsoDate;
  /** The harvest the live finder was built from, whose last good records stand in for a source not readable today. */
  previous?: Harvest | null;
  fetchFeed: FetchFeed;
  /** How many days after it was last read a source's records are kept (KEEP_UNREAD_DAYS). */
  keepUnreadDays?: number;
  /** How many feeds are read at once (READ_AT_ONCE). */
  readAtOnce?: number;
}

/** Undated (delayed) reviews first, then the newest; ties by key, compared as code points, so the same feeds give the same order anywhere. */
const newestFirst = (a: SourceRecord, b: SourceRecord) => {
  const [x, y] = [a.published ?? "9999-12-31", b.published ?? "9999-12-31"];
  if (x !== y) return x < y ? 1 : -1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
};

const together = (date: IsoDate, parts: SourceHarvest[]): Harvest => ({
  date,
  sources: parts.map((part) => part.report),
  records: parts.flatMap((part) => part.records).sort(newestFirst),
});

/** `work` on each of `items`, at most `atOnce` at a time; the results in the items' order. */
async function inTurn<T, R>(items: readonly T[], atOnce: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(atOnce, items.length)) }, worker));
  return results;
}

async function harvestOne(source: Source, options: HarvestOptions, keepDays: number): Promise<SourceHarvest> {
  const { today } = options;
  let fetched: Awaited<ReturnType<FetchFeed>>;
  try {
    fetched = await options.fetchFeed(source.feed);
  } catch (error) {
    const why = String((error as Error)?.message ?? error).slice(0, 200);
    fetched = { ok: false, problem: `reading its feed failed unexpectedly (${why}). Try again; if it happens again, tell the finder's maintainer.` };
  }
  let problems: Problem[];
  if (fetched.ok) {
    const read = readSourceFeed(fetched.body, source, today);
    if (read.readable) {
      const report: SourceReport = { source, state: "read", lastRead: today, listed: read.records.length, problems: read.problems, dropped: read.dropped };
      return { report, records: read.records };
    }
    problems = read.problems;
  } else problems = [{ file: sourceFile(source), message: fetched.problem }];
  return unreadToday(source, problems, options.previous ?? null, today, keepDays);
}

/**
 * Read every source of `sources` (sources.json's order) at `today`, a few at a time. A source not readable
 * today lists its last good records from `previous` while each is within its own dates, for
 * `keepUnreadDays` after it was last read; then none, with a notice. Pure given `fetchFeed`.
 */
export async function harvestSources(sources: readonly Source[], options: HarvestOptions): Promise<Harvest> {
  const keepDays = options.keepUnreadDays ?? KEEP_UNREAD_DAYS;
  const parts = await inTurn(sources, options.readAtOnce ?? READ_AT_ONCE, (source) => harvestOne(source, options, keepDays));
  return together(options.today, parts);
}

/**
 * `harvest` at a later date `today` (a kept harvest rebuilt after a failed night): the date rule applied again to every
 * record, a source read before `today` now `kept`, one unread for longer than `keepUnreadDays` dropped. The same at the harvest's own date.
 */
export function harvestAt(harvest: Harvest, today: IsoDate, options: { keepUnreadDays?: number } = {}): Harvest {
  const keepDays = options.keepUnreadDays ?? KEEP_UNREAD_DAYS;
  const parts = harvest.sources.map((report) => carried(report, ownRecords(harvest.records, report.source.id), today, keepDays, false));
  return together(today, parts);
}
