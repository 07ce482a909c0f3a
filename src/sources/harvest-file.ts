import * as z from "zod";
import { isoDateSchema, type IsoDate } from "../model/dates.ts";
import { DataError } from "../model/problems.ts";
import { fieldsAllowed, problemsFromIssues } from "../model/schema-messages.ts";
import { feedRecordSchema } from "../model/review-feed.ts";
import type { Harvest } from "./harvest.ts";

/**
 * A harvest as a file (`harvest.json`): kept with each finder build, so that a later night can stand in
 * a source's last good records for one it cannot read, and a failed night can rebuild the same finder.
 * It crosses a process boundary (and, on a host with no live build, comes back over the network from the
 * finder's own site), so it is parsed with this schema, never cast.
 */
export const HARVEST_FILE = "harvest.json";

const problemSchema = z.object({
  file: z.string(),
  review: z.string().optional(),
  field: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  message: z.string(),
});
const sourceSchema = z.object({ id: z.string(), name: z.string(), feed: z.string(), site: z.string().optional() });
const date = isoDateSchema();

const harvestShape = z.object({
  date,
  sources: z.array(
    z.object({
      source: sourceSchema,
      state: z.enum(["read", "kept", "dropped", "never"]),
      lastRead: date.nullable(),
      listed: z.number().int().nonnegative(),
      problems: z.array(problemSchema),
      dropped: z.array(z.object({ key: z.string(), reason: z.string() })),
    }),
  ),
  records: z.array(feedRecordSchema.extend({ key: z.string(), source: z.string() })),
});

/**
 * What a harvest holds together, checked too: each record is its source's own (keyed `<source>/<id>`, of a source
 * the harvest has, one that lists reviews), given once, and each source once. A file that breaks any of these was
 * not written by a harvest, and none of it stands in for a source.
 */
export const harvestSchema = harvestShape.superRefine((harvest, context) => {
  const states = new Map<string, string>();
  harvest.sources.forEach((report, i) => {
    if (states.has(report.source.id))
      context.addIssue({ code: "custom", path: ["sources", i, "source", "id"], message: `source "${report.source.id}" is in the harvest more than once.` });
    else states.set(report.source.id, report.state);
  });
  const keys = new Set<string>();
  harvest.records.forEach((record, i) => {
    const issue = (field: string, message: string) => context.addIssue({ code: "custom", path: ["records", i, field], message });
    const state = states.get(record.source);
    if (record.key !== `${record.source}/${record.id}`)
      issue("key", `the record "${record.key}" is not keyed "${record.source}/${record.id}", as its source and id say.`);
    else if (keys.has(record.key)) issue("key", `the record "${record.key}" is in the harvest more than once.`);
    else if (state === undefined) issue("source", `the record "${record.key}" is of source "${record.source}", which the harvest does not have.`);
    else if (state === "never" || state === "dropped")
      issue("source", `the record "${record.key}" is of source "${record.source}", whose state (${state}) lists no reviews.`);
    keys.add(record.key);
  });
});

export function serialiseHarvest(harvest: Harvest): string {
  return `${JSON.stringify(harvest, null, 1)}\n`;
}

/** The harvest in `text` (the file `file`), or a DataError naming each field that is not as a harvest writes it. */
export function parseHarvest(text: string, file: string): Harvest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataError([{ file, message: `it is not JSON (${(error as Error).message.slice(0, 200)}); expected a finder's ${HARVEST_FILE}.` }]);
  }
  const parsed = harvestSchema.safeParse(value);
  if (!parsed.success) throw new DataError(problemsFromIssues(parsed.error.issues.slice(0, 20), { file }, [], fieldsAllowed(harvestShape)));
  return { ...parsed.data, date: parsed.data.date as IsoDate } as Harvest;
}

/**
 * The harvest as the finder publishes it (`/harvest.json`, for a night on a host with no live build): its listed
 * records and each source's state, without the keys of the reviews its dates left out, which no public file names.
 */
export function publishedHarvest(harvest: Harvest): Harvest {
  return { ...harvest, sources: harvest.sources.map((report) => ({ ...report, dropped: [] })) };
}
