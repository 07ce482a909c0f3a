import path from "node:path";
import type { BuildFolder, BuildMeta } from "../build/build-record.ts";
import { keptHarvest } from "../build/finder-build.ts";
import { finderCatalogue } from "../catalogue/finder.ts";
import { KeptInputError, readKeptInput } from "../content/kept-input.ts";
import type { IsoDate } from "../model/dates.ts";
import { OutputError } from "../model/failures.ts";
import { lock } from "../lock/lock.ts";
import { broughtBack, rebuiltAt, type Published } from "../rules/kept-builds.ts";
import { expiredBy, isAfterToday, madeAfterToday } from "../rules/release-dates.ts";
import { harvestAt } from "../sources/harvest.ts";
import { runFallback } from "./fallback.ts";
import { buildAt, kind, linkTarget, swapWithPrevious } from "./publish.ts";
import { checkOutput } from "./publish-site.ts";

/**
 * What a kept build's own data publishes rebuilt at `today` (src/rules/kept-builds.ts); a finder's, its kept harvest
 * at `today`, which may still hold a review its partnership has taken down since. Refused, changing nothing, when that
 * data is not valid.
 */
async function rebuiltListing({ folder, meta }: { folder: BuildFolder; meta: BuildMeta }, today: IsoDate): Promise<Published> {
  const kept = await readKeptInput(path.join(folder.input, "build-input.json"), "the previous build").catch((error: unknown) => {
    if (!(error instanceof KeptInputError)) throw error;
    throw new OutputError(
      `Rolling back needs the previous build's data rebuilt at ${today}, but ${error.message}\nThe rollback was refused. Nothing was changed. ` +
        `The live site stays as it is; to replace it, fix what is wrong in _data/ and build the site again (npm run nightly).`,
    );
  });
  const harvest = await keptHarvest(folder.input);
  // A finder copies no documents: its reviews are the harvest's, with every date applied again at today.
  if (harvest) return { ids: finderCatalogue(harvestAt(harvest, today), kept.site, today).listed.map((review) => review.id), documents: [] };
  return rebuiltAt(kept.reviews, meta, today, kept.site);
}

/**
 * Make the previous build live again, under today's rule: a rollback never brings back a review whose removal date
 * has come, nor a build dated after today, nor what the live build no longer publishes. Such a previous build's own
 * code and data are rebuilt at today's date by the fallback (src/release/fallback.ts), and that goes live instead;
 * else it swaps places with the live build. Running it twice rolls forward.
 */
export async function rollbackSite(options: {
  root: string;
  out: string;
  /** The clock's London date: the date it publishes at, read once by the caller. */
  today: IsoDate;
  log: (line: string) => void;
  /** Runs after the checks and before the lock is taken (tests: another run publishing in between). */
  beforeLock?: () => Promise<void>;
}): Promise<string> {
  const { today, log } = options;
  const layout = await checkOutput(options.out, options.root);
  // Where the links point before anything is read: if either has moved once the lock is held, what was checked is not what would be swapped.
  const checked = [await linkTarget(layout.previous), await linkTarget(layout.out)];
  const target = await buildAt(layout.previous);
  if (!target) throw new OutputError(`There is no previous build to roll back to (${layout.previous} does not exist). Nothing was changed.`);
  if (!target.meta || (await kind(path.join(target.folder.site, "index.html"))) !== "other") {
    throw new OutputError(
      `The previous build (${target.folder.site}) is missing or incomplete: it has no index.html, or no build.json to tell whether it lists reviews that have since been removed. Nothing was changed; build the site again instead (npm run nightly).`,
    );
  }
  const kept = { folder: target.folder, meta: target.meta };
  const expired = expiredBy(kept.meta.listed, today);
  const future = isAfterToday(kept.meta.buildDate, today);
  const rebuild = expired.length > 0 || future;
  const candidate = rebuild ? await rebuiltListing(kept, today) : { ids: kept.meta.listed.map((r) => r.id), documents: kept.meta.documents ?? [] };
  const live = await buildAt(layout.out);
  const back = live?.meta ? broughtBack(candidate, kept.meta, live.meta, today) : [];
  if (back.length) {
    throw new OutputError(
      `Rolling back would bring back what the live site no longer publishes: ${back.join(", ")}. It was taken off since (withheld, deleted or re-dated in the data), so the rollback was refused and nothing was changed. ` +
        `Fix what is wrong in _data/ and build the site again instead (npm run nightly).`,
    );
  }
  await options.beforeLock?.();
  if (rebuild) {
    const names = expired.map((review) => `${review.id} (removal date ${review.removalDate})`).join(", ");
    const why = future ? madeAfterToday(kept.meta.buildDate, today) : `lists ${names}, whose removal date has come`;
    log(`The previous build ${why}; rebuilding its data at ${today} instead of bringing it back as it was.`);
    // The fallback takes the lock as any build does.
    await runFallback({ root: options.root, code: kept.folder.code, kept, out: options.out, date: today, log });
    return `${options.out} now shows the previous build's data, rebuilt for ${today}${names ? ` without ${names}` : ""}. Run again to undo.`;
  }
  const unlock = await lock(layout, log);
  try {
    await unlock.ensureHeld("nothing was rolled back");
    // What was checked above must still be what is swapped: another run may have published before the lock was taken.
    if ((await linkTarget(layout.previous)) !== checked[0] || (await linkTarget(layout.out)) !== checked[1]) {
      throw new OutputError(
        `Another build, rollback or withdrawal changed ${options.out} while this rollback was checking it, so the rollback was refused. Nothing was changed. ` +
          `Look at what is live now; if you still need to go back, run npm run rollback again.`,
      );
    }
    for (const warning of await swapWithPrevious(layout)) log(`Warning: ${warning}`);
  } finally {
    await unlock();
  }
  return `${options.out} now shows the previous build (made for ${kept.meta.buildDate}). Run again to undo.`;
}
