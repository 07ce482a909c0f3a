import { readFile } from "node:fs/promises";
import type { OpenDataRecord } from "../catalogue/open-data.ts";

export type PreviousRecords = { records: OpenDataRecord[] } | { records: null; reason: string };

/** The listed reviews of the previous build, or why they could not be read. */
export async function previousRecords(source: string, explicit: boolean): Promise<PreviousRecords> {
  let text: string;
  try {
    if (/^https?:\/\//.test(source)) {
      const response = await fetch(source, { signal: AbortSignal.timeout(20_000) });
      if (!response.ok) return { records: null, reason: `${source} answered ${response.status} ${response.statusText}` };
      text = await response.text();
    } else text = await readFile(source, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !explicit) return { records: null, reason: "there was no previous build to compare with" };
    return {
      records: null,
      reason:
        code === "ENOENT"
          ? `${source} does not exist`
          : `${source} could not be read (${(error as Error).message}${(error as Error).cause ? `: ${String((error as Error & { cause: unknown }).cause)}` : ""})`,
    };
  }
  try {
    const data = JSON.parse(text) as { reviews?: unknown };
    if (Array.isArray(data.reviews)) return { records: data.reviews as OpenDataRecord[] };
    return { records: null, reason: `${source} is JSON but has no "reviews" list; is it the site's reviews.json?` };
  } catch (error) {
    return { records: null, reason: `${source} is not valid JSON (${(error as Error).message})` };
  }
}
