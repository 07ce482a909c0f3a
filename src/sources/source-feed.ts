import * as z from "zod";
import type { IsoDate } from "../model/dates.ts";
import type { Problem } from "../model/problems.ts";
import { FEED_VERSION, feedRecordSchema, feedSchema, type FeedRecord, type ReviewFeed } from "../model/review-feed.ts";
import { fieldName, fieldsAllowed, problemsFromIssues } from "../model/schema-messages.ts";
import { leavingDay, notListedAt } from "./record-dates.ts";
import { feedAddressProblem, type Source } from "./source-list.ts";

/**
 * One source's feed, read as untrusted input (issue 23, "Trust"): bounded in size, checked against the
 * feed's schema with every problem named by source, review and field, held to its own site, and with
 * the publication rule applied again at the finder's own date, whatever the feed says. Pure: fetching
 * (its time bound, redirects) is the caller's.
 */

/** The most a feed may weigh: 10,000 reviews at about 2 KB each, with room to spare. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** How long each text may be, as in a partnership's own data (src/content/review-schema.ts), and how many items a list may hold. */
const MAX = {
  id: 80,
  area: 60,
  areaName: 100,
  title: 200,
  summary: 10_000,
  theme: 60,
  themes: 50,
  documents: 50,
  documentTitle: 200,
  name: 200,
  url: 2_000,
} as const;

/** A review of a source, with its key qualified by the source's id. */
export interface SourceRecord extends FeedRecord {
  /** `<source id>/<review id>`: unique across sources. */
  key: string;
  source: string;
}

export interface SourceRead {
  /** False when nothing of the feed can be used (its address, size, JSON, version or publisher). */
  readable: boolean;
  publisher?: ReviewFeed["publisher"];
  buildDate?: IsoDate;
  records: SourceRecord[];
  /** Records left out by the rules, not for a fault: not yet published, or their leaving day has come. */
  dropped: { key: string; reason: string }[];
  problems: Problem[];
}

/** Line breaks of every kind and other control characters, as one space: no text from a feed can start a line of anything. */
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, " ").trim();

const bounded = (max: number) =>
  z.string().max(max, { error: `this text is longer than ${max.toLocaleString("en-GB")} characters, the most a feed may give.` });
const checkedRecord = feedRecordSchema.extend({
  id: feedRecordSchema.shape.id.max(MAX.id),
  area: feedRecordSchema.shape.area.max(MAX.area),
  areaName: bounded(MAX.areaName),
  title: bounded(MAX.title),
  summary: bounded(MAX.summary),
  themes: z.array(bounded(MAX.theme)).max(MAX.themes),
  pageUrl: bounded(MAX.url),
  documents: z.array(feedRecordSchema.shape.documents.element.extend({ title: bounded(MAX.documentTitle), url: bounded(MAX.url) })).max(MAX.documents),
});
/** Problems a source's read lists at most: a feed wrong throughout would otherwise flood the report. */
export const MAX_PROBLEMS = 100;

const head = feedSchema.extend({ reviews: z.array(z.unknown()) });

/** Where a source's reviews must be: under its `site`, or under the folder its feed is in (`https://x.org/review/` for `https://x.org/review/reviews.json`). */
function siteOf(source: Source): URL {
  const site = new URL(source.site ?? new URL(".", source.feed).href);
  if (!site.pathname.endsWith("/")) site.pathname += "/";
  return site;
}

/** On the site: its origin, and under its path (so one partnership on a shared host cannot claim another's pages). */
function onSite(address: string, site: URL): boolean {
  if (!URL.canParse(address)) return false;
  const url = new URL(address);
  return url.origin === site.origin && `${url.pathname.replace(/\/$/, "")}/`.startsWith(site.pathname);
}

/** Read `body`, the bytes the source's feed address gave, at the finder's date `today` (in London). */
export function readSourceFeed(body: string | Uint8Array, source: Source, today: IsoDate): SourceRead {
  const file = `source "${source.id}" (${source.feed})`;
  const fail = (message: string, field?: string): SourceRead => ({ readable: false, records: [], dropped: [], problems: [{ file, field, message }] });
  const addressProblem = feedAddressProblem(source.feed) ?? (source.site ? feedAddressProblem(source.site) : null);
  if (addressProblem) return fail(`its address cannot be read: ${addressProblem}`);
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (bytes.byteLength > MAX_FEED_BYTES)
    return fail(`the feed is ${mb(bytes.byteLength)}; a feed may be at most ${mb(MAX_FEED_BYTES)}, so none of it was read.`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    return fail(error instanceof SyntaxError ? `it is not JSON (${error.message.slice(0, 200)}); expected the site's reviews.json.` : "it is not UTF-8 text.");
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (version !== undefined && version !== FEED_VERSION)
    return fail(`it is a feed of version ${String(version).slice(0, 20)}; this finder reads version ${FEED_VERSION}. Update the finder's code.`, "version");
  const top = head.safeParse(value);
  if (!top.success) {
    const problems = problemsFromIssues(top.error.issues.slice(0, 20), { file }, [], fieldsAllowed(head));
    return { readable: false, records: [], dropped: [], problems };
  }
  const site = siteOf(source);
  const { publisher, buildDate, reviews } = top.data;
  if (!onSite(publisher.url, site))
    return fail(`it says it is the feed of ${publisher.url.slice(0, MAX.url)}, not of this source's site ${site.href}; none of it was read.`, "publisher.url");
  const result: SourceRead = { readable: true, publisher, buildDate, records: [], dropped: [], problems: [] };
  const seen = new Set<string>();
  for (const [i, raw] of reviews.entries()) {
    const id = (raw as { id?: unknown } | null)?.id;
    const review = typeof id === "string" && id.length <= MAX.id ? `review "${id}"` : `review ${i + 1}`;
    const problem = (field: string, message: string) => result.problems.push({ file, review, field, message });
    const parsed = checkedRecord.safeParse(raw);
    if (!parsed.success) {
      result.problems.push(...problemsFromIssues(parsed.error.issues.slice(0, 20), { file, review }, [], fieldsAllowed(checkedRecord)));
      continue;
    }
    const record = parsed.data;
    if (seen.has(record.id)) {
      problem("id", "this id is in the feed more than once; only its first record was kept.");
      continue;
    }
    seen.add(record.id);
    if (!onSite(record.pageUrl, site)) {
      problem("pageUrl", `the review's page ${record.pageUrl} is not on this source's site, ${site.href}; it was left out.`);
      continue;
    }
    const documents = record.documents.filter((doc, d) => {
      const allowed = onSite(doc.url, site) || doc.url.startsWith("https://");
      if (!allowed)
        problem(fieldName(["documents", d, "url"]), `${doc.url} is neither on the source's site nor an https:// address; the document was left out.`);
      return allowed;
    });
    const key = `${source.id}/${record.id}`;
    const leaves = leavingDay(record, publisher);
    const notListed = notListedAt({ ...record, leaves }, today);
    if (notListed !== null) {
      result.dropped.push({ key, reason: notListed });
      continue;
    }
    result.records.push({
      ...record,
      title: oneLine(record.title),
      areaName: oneLine(record.areaName),
      summary: oneLine(record.summary),
      themes: record.themes.map(oneLine),
      documents: documents.map((doc) => ({ ...doc, title: oneLine(doc.title) })),
      leaves,
      key,
      source: source.id,
    });
  }
  if (result.problems.length > MAX_PROBLEMS) {
    const more = result.problems.length - MAX_PROBLEMS;
    result.problems = [...result.problems.slice(0, MAX_PROBLEMS), { file, message: `and ${more.toLocaleString("en-GB")} more problems, not listed.` }];
  }
  return result;
}
