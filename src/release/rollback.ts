import { lock } from "./lock.ts";
import type { IsoDate } from "../model/dates.ts";
import { buildAt, expiredBy, OutputError, outputLayout, requireWholeBuild, swapWithPrevious } from "./publish.ts";
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
    throw new OutputError(`The previous build (${target.folder.site}) has no build.json, so it cannot be told whether it lists reviews that have since been removed; it was not made live. Nothing was changed.`);
  }
  const expired = expiredBy(target.meta, options.buildDate);
  if (expired.length === 0) {
    const unlock = await lock(layout, options.log);
    try {
      await swapWithPrevious(layout);
    } finally {
      await unlock();
    }
    return `${options.out} now shows the previous build (made for ${target.meta.buildDate}). Run again to undo.`;
  }
  const names = expired.map((review) => `${review.id} (removal date ${review.removalDate})`).join(", ");
  options.log(`The previous build lists ${names}, whose removal date has come; rebuilding its data at ${options.buildDate} instead of bringing it back as it was.`);
  await rebuildAt({ root: options.root, out: options.out, folder: target.folder, meta: target.meta, buildDate: options.buildDate, log: options.log });
  return `${options.out} now shows the previous build's data, rebuilt for ${options.buildDate} without ${names}. Run again to undo.`;
}
