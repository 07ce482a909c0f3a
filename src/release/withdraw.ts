import { lstat } from "node:fs/promises";
import path from "node:path";
import { buildSite } from "../build/build-site.ts";
import { lock } from "./lock.ts";
import { readBuildInputFile, type BuildInput } from "../content/build-input.ts";
import type { IsoDate } from "../model/dates.ts";
import { checkpoint } from "../build/fault.ts";
import { buildAt } from "./publish.ts";
import { expiredBy, type BuildFolder, type BuildMeta, type OutputLayout } from "./build-folder.ts";
import { checkBuiltSite } from "../checks/site-check.ts";
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
  // Reviews withdrawn in place are among `removed`, so they keep their notice.
  const known = new Set([...meta.listed.map((review) => review.id), ...meta.removed]);
  return { ...kept, buildDate, contentRoot: folder.site, reviews: kept.reviews.filter((review) => known.has(review.id)) };
}

export async function readKeptInput(folder: BuildFolder): Promise<BuildInput> {
  return readBuildInputFile(path.join(folder.input, "build-input.json"));
}

/**
 * Rebuild a kept build's own data at `buildDate` and make that live: the same
 * pages, feed, open data and search index as a normal build, less every SCR
 * whose time has come. Checked like a nightly build, bar the accessibility
 * check (a flaky browser must not keep an expired review online).
 */
export async function rebuildAt(options: { root: string; out: string; folder: BuildFolder; meta: BuildMeta; buildDate: IsoDate; log: (line: string) => void }) {
  const kept = await readKeptInput(options.folder);
  return buildSite({
    root: options.root,
    out: options.out,
    buildDate: options.buildDate,
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
export async function withdrawExpired(options: { root: string; layout: OutputLayout; buildDate: IsoDate; log: (line: string) => void }): Promise<Withdrawal> {
  const { layout, buildDate, log } = options;
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
  if (expired.length === 0) return { outcome: "none-due", withdrawn: [], problems: [] };
  log(
    `Withdrawing from the live site the ${expired.length} ${expired.length === 1 ? "review" : "reviews"} whose removal date has come: ${expired.map((review) => review.id).join(", ")}.`,
  );
  const problems: string[] = [];
  try {
    await checkpoint("withdraw-rebuild");
    await rebuildAt({ root: options.root, out: layout.out, folder: live.folder, meta: live.meta, buildDate, log });
    return { outcome: "rebuilt", withdrawn: expired, problems };
  } catch (error) {
    problems.push(`Rebuilding the live site's own data at ${buildDate} failed: ${message(error)}`);
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
