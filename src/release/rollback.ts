import { lock } from "./lock.ts";
import type { IsoDate } from "../model/dates.ts";
import { buildAt, swapWithPrevious } from "./publish.ts";
import { expiredBy, OutputError, outputLayout, requireWholeBuild } from "./build-folder.ts";
import { rebuildAt } from "./withdraw.ts";

/**
 * Make the previous build live again, under today's rule: a rollback never
 * brings back a review whose removal date has come. When the previous build
 * lists one, its own data is rebuilt at `buildDate` and that goes live instead.
 * Running it twice rolls forward (the same check applies).
 */
export async function rollbackSite(options: { root: string; out: string; buildDate: IsoDate; log: (line: string) => void }): Promise<string> {
  const layout = outputLayout(options.out);
  const target = await buildAt(layout.previous);
  if (!target) throw new OutputError(`There is no previous build to roll back to (${layout.previous} does not exist). Nothing was changed.`);
  await requireWholeBuild(target.folder, "previous build");
  if (!target.meta) {
    throw new OutputError(
      `The previous build (${target.folder.site}) has no build.json, so it cannot be told whether it lists reviews that have since been removed; it was not made live. Nothing was changed.`,
    );
  }
  const expired = expiredBy(target.meta, options.buildDate);
  // What the live build no longer publishes was taken off on purpose (withheld, deleted or re-dated in the data), or by the rule:
  // a rollback must not bring it back. Expired reviews are dealt with below, by rebuilding without them.
  const live = await buildAt(layout.out);
  if (live?.meta) {
    const expiredIds = new Set(expired.map((review) => review.id));
    const liveIds = new Set(live.meta.listed.map((review) => review.id));
    const liveDocuments = new Set(live.meta.documents ?? []);
    const back = [
      ...target.meta.listed.filter((review) => !liveIds.has(review.id) && !expiredIds.has(review.id)).map((review) => `the review ${review.id}`),
      ...(target.meta.documents ?? [])
        .filter((file) => !liveDocuments.has(file) && !expiredIds.has(file.split("/")[1]!) && liveIds.has(file.split("/")[1]!))
        .map((file) => `the document ${file}`),
    ];
    if (back.length) {
      throw new OutputError(
        `Rolling back would bring back what the live site no longer publishes: ${back.join(", ")}. It was taken off since (withheld, deleted or re-dated in the data), so the rollback was refused and nothing was changed. Fix what is wrong with the live build and build again instead.`,
      );
    }
  }
  if (expired.length === 0) {
    const unlock = await lock(layout, options.log);
    try {
      await unlock.ensureHeld("nothing was rolled back");
      await swapWithPrevious(layout);
    } finally {
      await unlock();
    }
    return `${options.out} now shows the previous build (made for ${target.meta.buildDate}). Run again to undo.`;
  }
  const names = expired.map((review) => `${review.id} (removal date ${review.removalDate})`).join(", ");
  options.log(
    `The previous build lists ${names}, whose removal date has come; rebuilding its data at ${options.buildDate} instead of bringing it back as it was.`,
  );
  await rebuildAt({ root: options.root, out: options.out, folder: target.folder, meta: target.meta, buildDate: options.buildDate, log: options.log });
  return `${options.out} now shows the previous build's data, rebuilt for ${options.buildDate} without ${names}. Run again to undo.`;
}
