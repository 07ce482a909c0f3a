import { constants } from "node:fs";
import { access, chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { IsoDate } from "../model/dates.ts";

/**
 * The published output (`_site` by default) is a symbolic link to the `site/`
 * folder of a finished build in `<out>.builds/<build>/`. A new build goes live
 * by replacing that link with one rename, which the operating system does in
 * one step: a visitor, a web server or a deploy step sees the old build or the
 * new one, never a mix, and a build that fails or is killed half-way leaves the
 * link pointing at the old one. `<out>.previous` points at the build before,
 * for rollback.
 *
 * Each build folder holds, beside `site/` (what is served):
 * - `build.json`: what the build lists and when each SCR in it leaves, so that
 *   a failed night or a rollback can tell what has expired since;
 * - `input/`: the validated data it was built from, so that it can be rebuilt
 *   at a later date (never served: it holds reviews not yet published);
 * - `notices/`: a removal notice made in advance for each listed SCR, for the
 *   last-resort withdrawal in place.
 */
export interface OutputLayout {
  out: string;
  builds: string;
  previous: string;
  lock: string;
}

export function outputLayout(out: string): OutputLayout {
  const resolved = path.resolve(out);
  return { out: resolved, builds: `${resolved}.builds`, previous: `${resolved}.previous`, lock: `${resolved}.lock` };
}

/** Written into every build's `site/`, so that a folder can be recognised as a build of this site before it is adopted. */
export const MARKER = ".learning-reviews-build";

/** What a build lists, kept beside it. */
export interface BuildMeta {
  generator: "learning-reviews";
  buildDate: IsoDate;
  /** Listed reviews; `removalDate` is the day an SCR leaves (null for reviews that stay). */
  listed: { id: string; title: string; removalDate: IsoDate | null }[];
  removed: string[];
  /** The document files it publishes, as paths in its site (`reviews/<id>/<file>`). */
  documents?: string[];
  /** Reviews taken out of this build in place by a withdrawal after it was made. */
  withdrawnInPlace?: { id: string; on: IsoDate }[];
}

export interface BuildFolder {
  dir: string;
  site: string;
  input: string;
  notices: string;
  metaFile: string;
}

export function buildFolder(dir: string): BuildFolder {
  return { dir, site: path.join(dir, "site"), input: path.join(dir, "input"), notices: path.join(dir, "notices"), metaFile: path.join(dir, "build.json") };
}

/** Refused with a message a maintainer can act on. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}

async function kind(p: string): Promise<"missing" | "link" | "dir" | "other"> {
  try {
    const s = await lstat(p);
    return s.isSymbolicLink() ? "link" : s.isDirectory() ? "dir" : "other";
  } catch {
    return "missing";
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * Refuse an output that would take over something the build did not make: the
 * project or any folder holding it, the file-system root, or a missing parent
 * folder. Called before anything is written.
 */
export async function checkOutput(out: string, projectRoot: string): Promise<OutputLayout> {
  if (out.trim() === "") throw new OutputError(`--out is empty; give the folder to publish to, e.g. --out _site.`);
  const layout = outputLayout(out);
  const project = path.resolve(projectRoot);
  if (isInside(project, layout.out)) {
    throw new OutputError(`--out ${out} is ${layout.out === project ? "the project folder itself" : `a folder that holds the project (${project})`}; publishing there would replace the project. Choose a folder of its own, e.g. --out _site or --out /var/www/reviews.`);
  }
  const parent = path.dirname(layout.out);
  if ((await kind(parent)) === "missing") throw new OutputError(`The folder ${parent} does not exist, so the site cannot be published to ${layout.out}. Create it first (mkdir -p ${parent}), or choose another --out.`);
  const current = await kind(layout.out);
  if (current === "other") throw new OutputError(`${layout.out} is a file, not a folder or link; move it away and run again.`);
  if (current === "dir" && !(await exists(path.join(layout.out, MARKER)))) {
    throw new OutputError(`${layout.out} is a folder that this site's build did not make (it has no ${MARKER} file), so it will not be replaced. Move it away, or choose another --out.`);
  }
  const previous = await kind(layout.previous);
  if (previous === "dir" || previous === "other") throw new OutputError(`${layout.previous} should be a link to the previous build, but it is a ${previous === "dir" ? "folder" : "file"}. Move it away and run again.`);
  return layout;
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** A fresh, empty build folder beside the published ones, readable by a web server running as another user. */
export async function newBuild(layout: OutputLayout, label: string): Promise<BuildFolder> {
  // Only a folder this build makes gets its mode set: one that is there already (a link to a bigger disk, say) is left as it is.
  if (await mkdir(layout.builds, { recursive: true })) await chmod(layout.builds, 0o755);
  // mkdtemp adds a random suffix, so two builds started in the same millisecond never share a folder; it makes it 0700.
  const folder = buildFolder(await mkdtemp(path.join(layout.builds, `${label}-`)));
  await chmod(folder.dir, 0o755);
  await mkdir(folder.site, { mode: 0o755 });
  await mkdir(folder.input, { mode: 0o700 });
  return folder;
}

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

export async function readMeta(folder: BuildFolder): Promise<BuildMeta | undefined> {
  try {
    const meta = JSON.parse(await readFile(folder.metaFile, "utf8")) as BuildMeta;
    return meta.generator === "learning-reviews" && Array.isArray(meta.listed) ? meta : undefined;
  } catch {
    return undefined;
  }
}

export async function writeMeta(folder: BuildFolder, meta: BuildMeta): Promise<void> {
  await writeFile(`${folder.metaFile}.tmp`, `${JSON.stringify(meta, null, 2)}\n`);
  await rename(`${folder.metaFile}.tmp`, folder.metaFile);
}

/** The build a link points at, with what it lists (meta is undefined for a build made before build.json existed). */
export async function buildAt(linkPath: string): Promise<{ folder: BuildFolder; meta?: BuildMeta } | undefined> {
  const target = await linkTarget(linkPath);
  if (!target) return undefined;
  const folder = path.basename(target) === "site" ? buildFolder(path.dirname(target)) : { ...buildFolder(target), site: target };
  const meta = await readMeta(folder);
  return meta ? { folder, meta } : { folder };
}

/** The reviews a build lists whose removal date has come by `date`. */
export function expiredBy(meta: BuildMeta, date: IsoDate): BuildMeta["listed"] {
  return meta.listed.filter((review) => review.removalDate !== null && review.removalDate <= date);
}

export interface PublishOptions {
  /** Allow replacing a live build made for a later date (a preview's date, or a wrong clock, would otherwise bring back removed SCRs). */
  allowEarlierDate?: boolean;
}

/** Refuse a build dated before the live one: it would bring back what the live build has already removed. */
export async function checkNotEarlier(layout: OutputLayout, buildDate: IsoDate, options: PublishOptions): Promise<void> {
  const live = await buildAt(layout.out);
  if (!options.allowEarlierDate && live?.meta && buildDate < live.meta.buildDate) {
    throw new OutputError(
      `This build is for ${buildDate}, earlier than the live site's build (${live.meta.buildDate}) in ${layout.out}. Publishing it would bring back reviews that the live site has already removed, so it was refused. ` +
        `Check the machine's clock and BUILD_DATE; to look at the site on another date, build a preview elsewhere (--out _preview); to publish it anyway, add --allow-earlier-date.`,
    );
  }
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
  await checkNotEarlier(layout, meta.buildDate, options);
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
  if (previousKind === "dir" || previousKind === "other") throw new OutputError(`${layout.previous} should be a link to the previous build, but it is not; move it away and run again.`);
  const previous = await linkTarget(layout.out);

  await pointLink(layout.out, build.site);

  // The new build is live. From here on, failures are warnings: nothing may undo the swap or remove the live build.
  const warnings: string[] = [];
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

/** A build that can be made live: its site folder exists and has a home page. */
export async function requireWholeBuild(folder: BuildFolder, what: string): Promise<void> {
  try {
    const s = await stat(path.join(folder.site, "index.html"));
    if (!s.isFile()) throw new Error();
  } catch {
    throw new OutputError(`The ${what} (${folder.site}) is missing or incomplete: it has no index.html. Nothing was changed.`);
  }
}
