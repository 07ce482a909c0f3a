import { rm } from "node:fs/promises";
import path from "node:path";
import { checkpoint } from "../build/fault.ts";
import { writeMeta, type BuildFolder, type BuildMeta } from "../build/build-record.ts";
import type { IsoDate } from "../model/dates.ts";
import type { OutputLayout } from "../model/output-layout.ts";
import type { Withdrawal } from "../report/nightly-report.ts";
import { expiredBy, isAfterToday } from "../rules/release-dates.ts";
import { kind } from "./build-folder.ts";
import { runFallback } from "./fallback.ts";
import { lock } from "./lock.ts";
import { buildAt } from "./publish.ts";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const failed = (...problems: string[]): Withdrawal => ({ outcome: "failed", withdrawn: [], problems });

/**
 * After a failed night: make sure nothing whose removal date has come stays live. First the fallback: the live build
 * rebuilt with its own code and data at `today` (src/release/fallback.ts). If that fails too, the last step: the
 * expired reviews' folders, and the whole files that name them, deleted from the live build. Never throws: what
 * happened is in the result, which the report words (src/report/nightly-report.ts).
 */
export async function withdrawExpired(options: { root: string; layout: OutputLayout; today: IsoDate; log: (line: string) => void }): Promise<Withdrawal> {
  const { layout, today, log } = options;
  const live = await buildAt(layout.out);
  if (!live && (await kind(layout.out)) !== "dir") return { outcome: "no-live-build", withdrawn: [], problems: [] };
  if (!live?.meta)
    return failed(
      `The live output ${layout.out} is ${live ? `a build with no build.json (${live.folder.site})` : "a plain folder, not a link to a build of this site"}, so what it lists cannot be told and nothing was withdrawn. ` +
        "Build the site again (npm run build) as soon as possible: it makes a build that can be withdrawn from.",
    );
  const expired = expiredBy(live.meta.listed, today);
  const problems: string[] = [];
  // A live build dated after today (a mistake, or an older version) may list reviews that are not public yet: rebuilt at today's date too.
  if (isAfterToday(live.meta.buildDate, today)) {
    problems.push(
      `The live build was made for ${live.meta.buildDate}, after today (${today}), so it may list reviews that are not public yet; it is rebuilt from its own code and data at ${today}.`,
    );
  } else if (expired.length === 0) return { outcome: "none-due", withdrawn: [], problems: [] };
  if (expired.length) log(`Withdrawing from the live site the reviews whose removal date has come: ${expired.map((review) => review.id).join(", ")}.`);
  try {
    await checkpoint("fallback");
    await runFallback({ root: options.root, code: live.folder.code, kept: { folder: live.folder, meta: live.meta }, out: layout.out, date: today, log });
    return { outcome: "fallback", withdrawn: expired, problems };
  } catch (error) {
    problems.push(`The fallback (the live build's own code and data, rebuilt at ${today}) failed: ${message(error)}`);
  }
  if (expired.length === 0) return failed(...problems, "Nothing else could be done from here: fix the build and run npm run nightly as soon as possible.");
  let unlock: Awaited<ReturnType<typeof lock>> | undefined;
  try {
    unlock = await lock(layout, log);
    await checkpoint("last-step");
    await unlock.ensureHeld("nothing was deleted from the live site");
    // What is live now, under the lock: a fallback killed after its swap may have changed it.
    const now = (await buildAt(layout.out)) ?? live;
    const meta = now.meta ?? live.meta;
    const due = expiredBy(meta.listed, today);
    problems.push(...(await deleteExpired(now.folder, meta, due)));
    return { outcome: "last-step", withdrawn: due, problems };
  } catch (error) {
    return failed(...problems, `Deleting them from the live site failed: ${message(error)}`);
  } finally {
    await unlock?.();
  }
}

/** The whole files that name every listed review: deleted with them, never edited. */
const NAMING_FILES = ["reviews.json", "reviews.csv", "feed.xml", "sitemap.xml"];

/**
 * The last step: delete from the live build each expired review's folder (its page and documents), the whole search
 * index and the whole files that name them. Nothing is edited or written but build.json; the other pages (the home
 * page, the lists) still name them, and the report says so. Returns what could not be deleted.
 */
async function deleteExpired(folder: BuildFolder, meta: BuildMeta, expired: BuildMeta["listed"]): Promise<string[]> {
  const problems: string[] = [];
  const ids = new Set(expired.map((review) => review.id));
  for (const relative of [...[...ids].map((id) => path.join("reviews", id)), "pagefind", ...NAMING_FILES]) {
    await rm(path.join(folder.site, relative), { recursive: true, force: true }).catch((error: Error) =>
      problems.push(`${relative} could not be deleted from the live site (${error.message}); delete it by hand now.`),
    );
  }
  await writeMeta(folder, {
    ...meta,
    listed: meta.listed.filter((review) => !ids.has(review.id)),
    removed: [...meta.removed, ...ids],
    documents: (meta.documents ?? []).filter((file) => !ids.has(file.split("/")[1]!)),
  }).catch((error: Error) => problems.push(`build.json could not be updated (${error.message}).`));
  return problems;
}
