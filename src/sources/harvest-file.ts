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

export const harvestSchema = z.object({
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
  if (!parsed.success) throw new DataError(problemsFromIssues(parsed.error.issues.slice(0, 20), { file }, [], fieldsAllowed(harvestSchema)));
  return { ...parsed.data, date: parsed.data.date as IsoDate } as Harvest;
}
