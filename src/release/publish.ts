import { lstat, mkdir, readdir, readlink, rename, rm, symlink } from "node:fs/promises";
import path from "node:path";
import type { IsoDate } from "../model/dates.ts";
import { todayInLondon } from "../rules/build-date.ts";
import { publishDecision } from "../rules/release-dates.ts";
import { exists, kind, OutputError } from "./build-folder.ts";
import { buildFolder, MARKER, readMeta, type BuildFolder, type BuildMeta } from "../build/build-record.ts";
import type { OutputLayout } from "../model/output-layout.ts";

/**
 * Taking a build live: the published output is a link to a build's `site/`
 * (see build-folder.ts), replaced in one rename; the build before stays as
 * `.previous` for rollback, and older builds are pruned.
 */
/** Point `linkPath` at `target` in one rename, replacing any link already there. */
async function pointLink(linkPath: string, target: string): Promise<void> {
  const temporary = `${linkPath}.link-${process.pid}`;
  await rm(temporary, { force: true });
  await symlink(path.relative(path.dirname(linkPath), target), temporary, "dir");
  await rename(temporary, linkPath);
}

/** The folder a link points at, as an absolute path, or undefined when it is not a link. */
export async function linkTarget(linkPath: string): Promise<string | undefined> {
  if ((await kind(linkPath)) !== "link") return undefined;
  return path.resolve(path.dirname(linkPath), await readlink(linkPath));
}

/** The build a link points at, with what it lists (meta is undefined for a build made before build.json existed). */
export async function buildAt(linkPath: string): Promise<{ folder: BuildFolder; meta?: BuildMeta } | undefined> {
  const target = await linkTarget(linkPath);
  if (!target) return undefined;
  const folder = path.basename(target) === "site" ? buildFolder(path.dirname(target)) : { ...buildFolder(target), site: target };
  const meta = await readMeta(folder);
  return meta ? { folder, meta } : { folder };
}

export interface PublishOptions {
  /** Allow a build dated after today (it lists reviews that are not public yet): `npm run build -- --future-date`. */
  allowFutureDate?: boolean;
  /** The clock's London date; read from the clock when not given. */
  today?: IsoDate;
}

/**
 * Refuse a build dated after today (it would publish reviews early) or before the live one (it would bring back
 * what the live build has already removed), by the rule in src/rules/release-dates.ts. Returns a warning when the
 * live build it replaces was dated after today.
 */
export async function checkDates(layout: OutputLayout, buildDate: IsoDate, options: PublishOptions): Promise<string[]> {
  const today = options.today ?? todayInLondon();
  const live = await buildAt(layout.out);
  const decision = publishDecision({ ...options, buildDate, today, ...(live?.meta ? { liveDate: live.meta.buildDate } : {}) });
  if (decision.verdict === "publish") {
    return decision.replacesFutureLive
      ? [
          `The live build in ${layout.out} was made for ${decision.replacesFutureLive}, after today (${today}), so it may have listed reviews that are not public yet; it was replaced by this build for ${buildDate}.`,
        ]
      : [];
  }
  if (decision.why === "future") {
    throw new OutputError(
      `This build is for ${buildDate}, after today (${today}). A build for a later date lists reviews that are not public yet, so it was not published to ${layout.out}, which was not changed. ` +
        `To look at the site as it will be on that date, build a preview in a folder that is not served: BUILD_DATE=${buildDate} npm run build -- --out _preview --future-date. ` +
        `To publish it to ${layout.out} all the same, add --future-date.`,
    );
  }
  throw new OutputError(
    `This build is for ${buildDate}, earlier than the live site's build (${decision.liveDate}) in ${layout.out}. Publishing it would bring back reviews that the live site has already removed, so it was refused. ` +
      `Check the machine's clock and BUILD_DATE; to look at the site on another date, build a preview in a folder that is not served (--out _preview).`,
  );
}

/**
 * Make `build` the published output in one step, keep the one it replaces as
 * `.previous`, and delete older builds. Everything that can refuse does so
 * before the swap; after it, nothing can undo it or delete the live build, and
 * a clean-up that fails is returned as a warning.
 */
export async function publishBuild(layout: OutputLayout, build: BuildFolder, options: PublishOptions = {}): Promise<{ previous?: string; warnings: string[] }> {
  const meta = await readMeta(build);
  if (!meta) throw new OutputError(`${build.dir} has no build.json; it is not a finished build.`);
  const warnings = await checkDates(layout, meta.buildDate, options);
  const current = await kind(layout.out);
  if (current === "other") throw new OutputError(`${layout.out} is a file, not a folder or link; move it away and run again.`);
  if (current === "dir") {
    // A plain folder that is a build of this site (checkOutput refused any other): adopt it, once, so it can be the rollback.
    if (!(await exists(path.join(layout.out, MARKER)))) throw new OutputError(`${layout.out} is a folder that this site's build did not make; move it away.`);
    const adopted = buildFolder(path.join(layout.builds, `adopted-${Date.now().toString(36)}`));
    await mkdir(adopted.dir, { recursive: true });
    await rename(layout.out, adopted.site);
    await pointLink(layout.out, adopted.site);
  }
  const previousKind = await kind(layout.previous);
  if (previousKind === "dir" || previousKind === "other")
    throw new OutputError(`${layout.previous} should be a link to the previous build, but it is not; move it away and run again.`);
  const previous = await linkTarget(layout.out);

  await pointLink(layout.out, build.site);

  // The new build is live. From here on, failures are warnings: nothing may undo the swap or remove the live build.
  if (previous && previous !== build.site) {
    try {
      await pointLink(layout.previous, previous);
    } catch (error) {
      warnings.push(`The previous build could not be kept for rollback: ${(error as Error).message}`);
    }
  }
  warnings.push(...(await pruneBuilds(layout)));
  return previous ? { previous, warnings } : { warnings };
}

/** A folder in `.builds` that a build of this site made: it has its `site/`, `input/` or `build.json`. Nothing else there is ever deleted. */
async function isOurBuild(dir: string): Promise<boolean> {
  try {
    if (!(await lstat(dir)).isDirectory()) return false;
    const entries = new Set(await readdir(dir));
    return entries.has("site") || entries.has("input") || entries.has("build.json");
  } catch {
    return false;
  }
}

/** Delete every build folder that neither the output nor `.previous` points at (including half-made ones); failures are warnings. */
export async function pruneBuilds(layout: OutputLayout): Promise<string[]> {
  const keep = new Set<string>();
  for (const link of [layout.out, layout.previous]) {
    const target = await linkTarget(link);
    if (target) keep.add(path.basename(target) === "site" ? path.dirname(target) : target);
  }
  let entries: string[];
  try {
    entries = await readdir(layout.builds);
  } catch {
    return [];
  }
  const warnings: string[] = [];
  for (const entry of entries) {
    const dir = path.join(layout.builds, entry);
    if (keep.has(dir) || !(await isOurBuild(dir))) continue;
    try {
      await rm(dir, { recursive: true, force: true });
    } catch (error) {
      warnings.push(`An old build could not be deleted (${(error as Error).message}); delete ${dir} by hand.`);
    }
  }
  return warnings;
}

/** Make the output and the previous build swap places (the rollback when nothing in it has expired). */
export async function swapWithPrevious(layout: OutputLayout): Promise<void> {
  const current = await linkTarget(layout.out);
  const previous = await linkTarget(layout.previous);
  if (!previous) throw new OutputError(`There is no previous build to roll back to (${layout.previous} does not exist).`);
  await pointLink(layout.out, previous);
  if (current) await pointLink(layout.previous, current);
}
