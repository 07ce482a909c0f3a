import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import { buildSite } from "../build/build-site.ts";
import { lock } from "./lock.ts";
import type { BuildInput } from "../content/build-input.ts";
import { checkKeptInput } from "../content/kept-input.ts";
import { formatProblems } from "../model/problems.ts";
import type { IsoDate } from "../model/dates.ts";
import { checkpoint } from "../build/fault.ts";
import { buildAt } from "./publish.ts";
import { expiredBy, OutputError, type BuildFolder, type BuildMeta } from "./build-folder.ts";
import type { OutputLayout } from "../model/output-layout.ts";
import { checkBuiltSite } from "../checks/site-check.ts";
import { isAfterToday } from "../rules/release-dates.ts";
import { decide } from "../rules/publication.ts";
import type { Review } from "../model/review.ts";
import { message, withdrawInPlace } from "./withdraw-in-place.ts";

/** What a withdrawal did: which reviews left the live site, how, and what went wrong on the way. */
export interface Withdrawal {
  /** "none-due": nothing in the live build has expired; "rebuilt": the live build's own data was rebuilt at the date; "in-place": files were taken out of the live build; "failed": nothing could be done. */
  outcome: "none-due" | "no-live-build" | "rebuilt" | "in-place" | "failed";
  withdrawn: BuildMeta["listed"];
  problems: string[];
}

async function isFolder(p: string): Promise<boolean> {
  try {
    return (await lstat(p)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The data a kept build was made from, less what it did not publish: reviews it
 * neither listed nor showed a notice for (those dated after its build date)
 * stay unpublished, and its documents are read from its own served copy.
 */
export function rebuildInput(folder: BuildFolder, meta: BuildMeta, kept: BuildInput, buildDate: IsoDate): BuildInput {
  const listed = new Set(meta.listed.map((review) => review.id));
  // Reviews withdrawn in place are among `removed`, so they keep their notice. Rebuilt at an earlier date than its own
  // (a build dated after today), a review it removed may be listed again, but its documents are not in its copy: it is left out.
  const removed = new Set(meta.removed);
  const keep = (review: Review) => listed.has(review.id) || (removed.has(review.id) && decide(review, buildDate, kept.site).state !== "listed");
  return { ...kept, buildDate, contentRoot: folder.site, reviews: kept.reviews.filter(keep) };
}

/** A kept input that cannot be used: unreadable, or not valid for this version of the code. */
export class KeptInputError extends OutputError {}

/**
 * The data a kept build was made from, checked as any input is (src/content/kept-input.ts); `what` names the
 * build in the message ("the live build"). Throws a KeptInputError saying in plain words why it cannot be used.
 */
export async function readKeptInput(folder: BuildFolder, what: string): Promise<BuildInput> {
  const file = path.join(folder.input, "build-input.json");
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new KeptInputError(`the data kept with ${what} (${file}) could not be read (${message(error)}), so it cannot be rebuilt.`);
  }
  const checked = checkKeptInput(value, file);
  if (checked.input) return checked.input;
  throw new KeptInputError(
    `the data kept with ${what} (${file}) is not valid for this version of the site's code (it was made by an older version, or changed since), so it was not rebuilt. ${formatProblems(checked.problems, "error")}`,
  );
}

/**
 * Rebuild a kept build's own data at `buildDate` and make that live: the same
 * pages, feed, open data and search index as a normal build, less every SCR
 * whose time has come. Checked like a nightly build, bar the accessibility
 * check (a flaky browser must not keep an expired review online).
 */
export async function rebuildAt(options: {
  root: string;
  out: string;
  folder: BuildFolder;
  meta: BuildMeta;
  buildDate: IsoDate;
  /** The clock's London date (a rebuild is never published at a later date). */
  today?: IsoDate;
  /** The build, for messages: "the live build", "the previous build". */
  what: string;
  log: (line: string) => void;
}) {
  const kept = await readKeptInput(options.folder, options.what);
  return buildSite({
    root: options.root,
    out: options.out,
    buildDate: options.buildDate,
    ...(options.today ? { today: options.today } : {}),
    input: rebuildInput(options.folder, options.meta, kept, options.buildDate),
    // A rollback rebuilds an older build: its date is earlier than the live one's, but it is rebuilt at today's.
    allowEarlierDate: true,
    log: options.log,
    beforePublish: async (siteDir, catalogue) => {
      const problems = checkBuiltSite(siteDir, catalogue);
      if (problems.length) throw new Error(`the check of the rebuilt site found ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    },
  });
}

/**
 * After a failed night: make sure nothing whose removal date has come stays
 * live. First rebuild the live build's own data at `buildDate`; if that fails,
 * withdraw the expired reviews from the live build in place. Never throws:
 * what happened is in the result, for the report.
 */
export async function withdrawExpired(options: {
  root: string;
  layout: OutputLayout;
  buildDate: IsoDate;
  today?: IsoDate;
  log: (line: string) => void;
}): Promise<Withdrawal> {
  const { layout, buildDate, log } = options;
  const today = options.today ?? buildDate;
  const live = await buildAt(layout.out);
  if (!live) {
    if (await isFolder(layout.out)) {
      return {
        outcome: "failed",
        withdrawn: [],
        problems: [
          `The live output ${layout.out} is a plain folder, not a link to a build of this site, so what it lists cannot be told and nothing was withdrawn. Build the site again (npm run build) as soon as possible: it adopts the folder and makes a build that can be withdrawn from.`,
        ],
      };
    }
    return { outcome: "no-live-build", withdrawn: [], problems: [] };
  }
  if (!live.meta) {
    return {
      outcome: "failed",
      withdrawn: [],
      problems: [
        `The live build (${live.folder.site}) has no build.json, so what it lists cannot be told; build the site again (npm run build) as soon as possible.`,
      ],
    };
  }
  const expired = expiredBy(live.meta, buildDate);
  const problems: string[] = [];
  // A live build dated after today (left by an older version, or a mistake) may list reviews that are not public yet: rebuilt at today's date too.
  if (isAfterToday(live.meta.buildDate, today)) {
    problems.push(
      `The live build was made for ${live.meta.buildDate}, after today (${today}), so it may list reviews that are not public yet; it is rebuilt from its own data at ${buildDate}.`,
    );
  } else if (expired.length === 0) return { outcome: "none-due", withdrawn: [], problems: [] };
  if (expired.length)
    log(
      `Withdrawing from the live site the ${expired.length} ${expired.length === 1 ? "review" : "reviews"} whose removal date has come: ${expired.map((review) => review.id).join(", ")}.`,
    );
  try {
    await checkpoint("withdraw-rebuild");
    await rebuildAt({ root: options.root, out: layout.out, folder: live.folder, meta: live.meta, buildDate, today, what: "the live build", log });
    return { outcome: "rebuilt", withdrawn: expired, problems };
  } catch (error) {
    problems.push(`Rebuilding the live site's own data at ${buildDate} failed: ${message(error)}`);
  }
  if (expired.length === 0) {
    problems.push("Nothing else could be done from here: build the site again (npm run nightly) as soon as possible.");
    return { outcome: "failed", withdrawn: [], problems };
  }
  let unlock: Awaited<ReturnType<typeof lock>> | undefined;
  try {
    unlock = await lock(layout, log);
    await checkpoint("withdraw-in-place");
    await unlock.ensureHeld("nothing was withdrawn from the live site");
    problems.push(...(await withdrawInPlace(live.folder, live.meta, expired, buildDate)));
    return { outcome: "in-place", withdrawn: expired, problems };
  } catch (error) {
    problems.push(`Withdrawing them from the live site in place failed: ${message(error)}`);
    return { outcome: "failed", withdrawn: [], problems };
  } finally {
    await unlock?.();
  }
}
