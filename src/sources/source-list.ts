import * as z from "zod";
import type { Problem } from "../model/problems.ts";
import { SLUG } from "../model/review.ts";
import { atMost, expected, fieldsAllowed, problemsFromIssues } from "../model/schema-messages.ts";

/**
 * The sources of a site that is a finder across partnerships (issue 23, part 2): `_data/sources.json`,
 * a list of `{ id, name, feed, site? }`. Read as untrusted input: every address is checked before
 * anything is fetched from it.
 */
export interface Source {
  /** Qualifies every review of the source: `northshire/child-h`. */
  id: string;
  name: string;
  /** The feed's address: `https://`, or `http://` on this machine (tests, local previews). */
  feed: string;
  /** The partnership's own site, when the feed is served from elsewhere (a mirror, a test server). */
  site?: string;
}

export const SOURCES_FILE = "_data/sources.json";

/** Hosts a plain `http://` address may name: this machine only. */
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Why a feed or site address may not be used, or null when it may: `https://`, or `http://` on 127.0.0.1 or localhost; no name or password in it. */
export function feedAddressProblem(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return `"${address.slice(0, 200)}" is not a web address; expected one starting https://.`;
  }
  if (url.username || url.password) return "the address holds a user name or password; give the address alone, starting https://.";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname)) return null;
  return `expected an address starting https:// (or http:// on 127.0.0.1 or localhost, for tests), got one starting ${url.protocol}//${url.protocol === "http:" ? url.hostname : ""}.`;
}

const address = z.string({ error: expected("a web address starting https://") }).superRefine((value, context) => {
  const problem = feedAddressProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

const sourceSchema = z.strictObject({
  id: z
    .string({ error: expected("an id") })
    .regex(SLUG, { error: expected("an id of lowercase letters a-z and digits in words joined by single hyphens, e.g. northshire") }),
  name: z
    .string({ error: expected("the partnership's name") })
    .trim()
    .min(1, { error: expected("the partnership's name") })
    .max(200, atMost(200)),
  feed: address,
  site: address.optional(),
});

const sourcesSchema = z.array(sourceSchema, { error: expected("a list of sources, each { id, name, feed }") });

/** The sources in `value` (the file's JSON), or none and every problem, each naming the source and field. */
export function readSources(value: unknown, file = SOURCES_FILE): { sources: Source[]; problems: Problem[] } {
  const parsed = sourcesSchema.safeParse(value);
  const items = Array.isArray(value) ? (value as { id?: unknown }[]) : [];
  const named = (i: number) => (typeof items[i]?.id === "string" ? `source "${items[i]!.id}"` : `source ${i + 1}`);
  const known = fieldsAllowed(sourceSchema);
  const problems: Problem[] = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) => {
        const at = typeof issue.path[0] === "number" ? issue.path[0] : undefined;
        if (at === undefined) return problemsFromIssues([issue], { file }, [], known);
        return problemsFromIssues([{ ...issue, path: issue.path.slice(1) }], { file, review: named(at) }, [], known);
      });
  const seen = { id: new Map<string, number>(), feed: new Map<string, number>() };
  items.forEach((item, i) => {
    for (const key of ["id", "feed"] as const) {
      const v = (item as Record<string, unknown>)?.[key];
      if (typeof v !== "string") continue;
      const first = seen[key].get(v);
      if (first === undefined) seen[key].set(v, i);
      else
        problems.push({
          file,
          review: named(i),
          field: key,
          message: `this ${key} is given twice (sources ${first + 1} and ${i + 1}); each source needs its own.`,
        });
    }
  });
  return problems.length || !parsed.success ? { sources: [], problems } : { sources: parsed.data, problems: [] };
}
