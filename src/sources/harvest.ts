import type { IsoDate } from "../model/dates.ts";
import type { Problem } from "../model/problems.ts";
import { readSourceFeed, type SourceRecord } from "./source-feed.ts";
import type { Source } from "./source-list.ts";

/**
 * A finder's harvest (issue 23, part 2): every source's feed read once per build, at the finder's own
 * London date. This is the one thing the finder's build reads of its sources; the rest of the build
 * (catalogue, pages, its own feed, /sources/, the nightly report) is made from it alone, so that a
 * harvest kept with a build rebuilds the same finder (src/release/, a failed night).
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
  /** What went wrong (reading it today, or in its records), each naming source, review and field. */
  problems: Problem[];
  /** Records left out by the rules (not yet published, leaving day come), not for a fault. */
  dropped: { key: string; reason: string }[];
}

export interface Harvest {
  /** The finder's London date the harvest was made for. */
  date: IsoDate;
  sources: SourceReport[];
  /** Every listed review of every source, each keyed `<source id>/<review id>`, newest first. */
  records: SourceRecord[];
}

/** Reads one feed address; the harvest's only way out to the network (injected by tests). */
export type FetchFeed = (address: string) => Promise<{ ok: true; body: Uint8Array } | { ok: false; problem: string }>;

export interface HarvestOptions {
  today: IsoDate;
  /** The harvest the live finder was built from, whose last good records stand in for a source not readable today. */
  previous?: Harvest | null;
  fetchFeed: FetchFeed;
}

const newestFirst = (a: SourceRecord, b: SourceRecord) =>
  (b.published ?? "9999-12-31").localeCompare(a.published ?? "9999-12-31") || a.key.localeCompare(b.key);

/** Read every source (first version: no last good records, no bounds of its own; see src/sources/fetch-feed.ts). */
export async function harvestSources(sources: readonly Source[], options: HarvestOptions): Promise<Harvest> {
  const reports: SourceReport[] = [];
  const records: SourceRecord[] = [];
  for (const source of sources) {
    const fetched = await options.fetchFeed(source.feed);
    if (!fetched.ok) {
      const problems = [{ file: `source "${source.id}" (${source.feed})`, message: fetched.problem }];
      reports.push({ source, state: "never", lastRead: null, listed: 0, problems, dropped: [] });
      continue;
    }
    const read = readSourceFeed(fetched.body, source, options.today);
    records.push(...read.records);
    reports.push({
      source,
      state: read.readable ? "read" : "never",
      lastRead: read.readable ? options.today : null,
      listed: read.records.length,
      problems: read.problems,
      dropped: read.dropped,
    });
  }
  return { date: options.today, sources: reports, records: records.sort(newestFirst) };
}
