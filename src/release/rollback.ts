import { lock } from "./lock.ts";
import type { IsoDate } from "../model/dates.ts";
import { buildAt, linkTarget, swapWithPrevious } from "./publish.ts";
import path from "node:path";
import { OutputError, requireWholeBuild } from "./build-folder.ts";
import type { BuildFolder, BuildMeta } from "../build/build-record.ts";
import { outputLayout } from "../model/output-layout.ts";
import { keptReviews, runFallback } from "./fallback.ts";
import { buildCatalogue } from "../catalogue/index.ts";
import { KeptInputError, readKeptInput } from "../content/kept-input.ts";
import type { BuildInput } from "../content/build-input.ts";
import { todayInLondon } from "../rules/build-date.ts";
import { expiredBy, isAfterToday, removalHasCome } from "../rules/release-dates.ts";

/** What the previous build's own data lists rebuilt at `buildDate`; refused, changing nothing, when that data is not valid. */
async function rebuiltListing(folder: BuildFolder, meta: BuildMeta, buildDate: IsoDate): Promise<{ ids: string[]; documents: string[] }> {
  let kept: BuildInput;
  try {
    kept = await readKeptInput(path.join(folder.input, "build-input.json"), "the previous build");
  } catch (error) {
    if (!(error instanceof KeptInputError)) throw error;
    throw new OutputError(
      `Rolling back needs the previous build's data rebuilt at ${buildDate}, but ${error.message}\nThe rollback was refused. Nothing was changed. ` +
        `The live site stays as it is; to replace it, fix what is wrong in _data/ and build the site again (npm run nightly).`,
    );
  }
  const catalogue = buildCatalogue(keptReviews(kept.reviews, meta, buildDate, kept.site), kept.site, buildDate);
  return { ids: catalogue.listed.map((review) => review.id), documents: catalogue.documentFiles.map((file) => file.to) };
}

/**
 * Make the previous build live again, under today's rule: a rollback never
 * brings back a review whose removal date has come, nor a build dated after
 * today. When the previous build lists an expired review, or is dated after
 * today, its own code and data are rebuilt at `buildDate` by the fallback
 * (src/release/fallback.ts) and that goes live instead.
 * Running it twice rolls forward (the same check applies).
 */
export async function rollbackSite(options: {
  root: string;
  out: string;
  buildDate: IsoDate;
  /** The clock's London date; read from the clock when not given. */
  today?: IsoDate;
  log: (line: string) => void;
  /** Runs after the checks and before the lock is taken (tests: another run publishing in between). */
  beforeLock?: () => Promise<void>;
}): Promise<string> {
  const today = options.today ?? todayInLondon();
  if (isAfterToday(options.buildDate, today)) {
    throw new OutputError(
      `BUILD_DATE is ${options.buildDate}, after today (${today}): a rollback never makes live a site for a later date, which would list reviews that are not public yet. Nothing was changed. Unset BUILD_DATE and run npm run rollback again.`,
    );
  }
  const layout = outputLayout(options.out);
  // Where the links point before anything is read: if either has moved once the lock is held, what was checked is not what would be swapped.
  const checkedPrevious = await linkTarget(layout.previous);
  const checkedLive = await linkTarget(layout.out);
  const target = await buildAt(layout.previous);
  if (!target) throw new OutputError(`There is no previous build to roll back to (${layout.previous} does not exist). Nothing was changed.`);
  await requireWholeBuild(target.folder, "previous build");
  if (!target.meta) {
    throw new OutputError(
      `The previous build (${target.folder.site}) has no build.json, so it cannot be told whether it lists reviews that have since been removed; it was not made live. Nothing was changed.`,
    );
  }
  const expired = expiredBy(target.meta.listed, options.buildDate);
  const future = isAfterToday(target.meta.buildDate, today);
  const rebuild = expired.length > 0 || future;
  // What would go live: the previous build as it is, or its own data rebuilt at the date (checked first, as any input).
  const candidate = rebuild
    ? await rebuiltListing(target.folder, target.meta, options.buildDate)
    : { ids: target.meta.listed.map((review) => review.id), documents: target.meta.documents ?? [] };
  // What the live build no longer publishes was taken off on purpose (withheld, deleted or re-dated in the data), or by the rule:
  // a rollback must not bring it back.
  const live = await buildAt(layout.out);
  if (live?.meta) {
    const liveDate = live.meta.buildDate;
    // A live build dated after today dropped, by the rule at its date, reviews whose removal date has not come today: not on purpose.
    // One whose removal date has come by the clock stays off, whatever BUILD_DATE says.
    const droppedByDate = new Set(
      target.meta.listed
        .filter(
          (review) =>
            review.removalDate !== null &&
            isAfterToday(liveDate, today) &&
            removalHasCome(review.removalDate, liveDate) &&
            !removalHasCome(review.removalDate, today),
        )
        .map((review) => review.id),
    );
    const liveIds = new Set(live.meta.listed.map((review) => review.id));
    const liveDocuments = new Set(live.meta.documents ?? []);
    const back = [
      ...candidate.ids.filter((id) => !liveIds.has(id) && !droppedByDate.has(id)).map((id) => `the review ${id}`),
      ...candidate.documents
        .filter((file) => !liveDocuments.has(file) && !droppedByDate.has(file.split("/")[1]!) && liveIds.has(file.split("/")[1]!))
        .map((file) => `the document ${file}`),
    ];
    if (back.length) {
      throw new OutputError(
        `Rolling back would bring back what the live site no longer publishes: ${back.join(", ")}. It was taken off since (withheld, deleted or re-dated in the data), so the rollback was refused and nothing was changed. ` +
          `Fix what is wrong in _data/ and build the site again instead (npm run nightly).`,
      );
    }
  }
  await options.beforeLock?.();
  if (!rebuild) {
    const unlock = await lock(layout, options.log);
    try {
      await unlock.ensureHeld("nothing was rolled back");
      // What was checked above must still be what is swapped: another run may have published before the lock was taken.
      if ((await linkTarget(layout.previous)) !== checkedPrevious || (await linkTarget(layout.out)) !== checkedLive) {
        throw new OutputError(
          `Another build, rollback or withdrawal changed ${options.out} while this rollback was checking it, so the rollback was refused. Nothing was changed. ` +
            `Look at what is live now; if you still need to go back, run npm run rollback again.`,
        );
      }
      await swapWithPrevious(layout);
    } finally {
      await unlock();
    }
    return `${options.out} now shows the previous build (made for ${target.meta.buildDate}). Run again to undo.`;
  }
  const names = expired.map((review) => `${review.id} (removal date ${review.removalDate})`).join(", ");
  options.log(
    future
      ? `The previous build was made for ${target.meta.buildDate}, after today (${today}), so it may list reviews that are not public yet; rebuilding its data at ${options.buildDate} instead of bringing it back as it was.`
      : `The previous build lists ${names}, whose removal date has come; rebuilding its data at ${options.buildDate} instead of bringing it back as it was.`,
  );
  // The previous build's own code and data, rebuilt at the date by the fallback (which takes the lock as any build does).
  await runFallback({
    root: options.root,
    code: target.folder.code,
    kept: { folder: target.folder, meta: target.meta },
    out: options.out,
    date: options.buildDate,
    log: options.log,
  });
  return `${options.out} now shows the previous build's data, rebuilt for ${options.buildDate}${names ? ` without ${names}` : ""}. Run again to undo.`;
}
