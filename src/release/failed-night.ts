import { access, lstat } from "node:fs/promises";
import path from "node:path";
import { checkpoint } from "../build/fault.ts";
import type { Withdrawal } from "../report/nightly-report.ts";
import type { IsoDate } from "../model/dates.ts";
import type { OutputLayout } from "../model/output-layout.ts";
import { expiredBy, isAfterToday } from "../rules/release-dates.ts";
import { runFallback } from "./fallback.ts";
import { deleteExpired } from "./last-step.ts";
import { lock } from "./lock.ts";
import { buildAt } from "./publish.ts";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const failed = (problem: string): Withdrawal => ({ outcome: "failed", withdrawn: [], problems: [problem] });

/**
 * After a failed night: make sure nothing whose removal date has come stays live. Rebuild the live build with
 * its own code and data at `today` (src/release/fallback.ts); if that fails too, delete the expired reviews'
 * folders from the live build (src/release/last-step.ts). Never throws: what happened is in the result.
 */
export async function withdrawExpired(options: { root: string; layout: OutputLayout; today: IsoDate; log: (line: string) => void }): Promise<Withdrawal> {
  const { layout, today, log } = options;
  const live = await buildAt(layout.out);
  if (!live) {
    if (
      !(await lstat(layout.out).then(
        (s) => s.isDirectory(),
        () => false,
      ))
    )
      return { outcome: "no-live-build", withdrawn: [], problems: [] };
    return failed(
      `The live output ${layout.out} is a plain folder, not a link to a build of this site, so what it lists cannot be told and nothing was withdrawn. Build the site again (npm run build) as soon as possible: it adopts the folder and makes a build that can be withdrawn from.`,
    );
  }
  if (!live.meta)
    return failed(
      `The live build (${live.folder.site}) has no build.json, so what it lists cannot be told; build the site again (npm run build) as soon as possible.`,
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
    await access(path.join(live.folder.code, "scripts", "build.ts")).catch(() => {
      throw new Error(`the live build keeps no code (${live.folder.code}): it was made before builds kept the code that made them.`);
    });
    await runFallback({ root: options.root, code: live.folder.code, kept: { folder: live.folder, meta: live.meta }, out: layout.out, date: today, log });
    return { outcome: "fallback", withdrawn: expired, problems };
  } catch (error) {
    problems.push(`The fallback (the live build's own code and data, rebuilt at ${today}) failed: ${message(error)}`);
  }
  if (expired.length === 0)
    return {
      outcome: "failed",
      withdrawn: [],
      problems: [...problems, "Nothing else could be done from here: fix the build and run npm run nightly as soon as possible."],
    };
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
    problems.push(`Deleting them from the live site failed: ${message(error)}`);
    return { outcome: "failed", withdrawn: [], problems };
  } finally {
    await unlock?.();
  }
}
