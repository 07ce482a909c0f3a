import { chmod, lstat, mkdir, mkdtemp, readdir, readlink, rename, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { buildFolder, readMeta, type BuildFolder, type BuildMeta } from "../build/build-record.ts";
import { OutputError } from "../model/failures.ts";
import type { OutputLayout } from "../model/output-layout.ts";

/**
 * The links: the published output is a link to a build's `site/`, replaced in one rename; the build before stays
 * as `.previous` for rollback, and older builds are pruned. Every swap (a build, a fallback, a rollback) is `publishBuild`.
 */

export async function kind(p: string): Promise<"missing" | "link" | "dir" | "other"> {
  const s = await lstat(p).catch(() => undefined);
  return !s ? "missing" : s.isSymbolicLink() ? "link" : s.isDirectory() ? "dir" : "other";
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

/** The build a link points at, with what it lists (meta is undefined for a build made before build.json existed). */
export async function buildAt(linkPath: string): Promise<{ folder: BuildFolder; meta?: BuildMeta } | undefined> {
  const target = await linkTarget(linkPath);
  if (!target) return undefined;
  const folder = path.basename(target) === "site" ? buildFolder(path.dirname(target)) : { ...buildFolder(target), site: target };
  const meta = await readMeta(folder);
  return meta ? { folder, meta } : { folder };
}

/**
 * Make `build` the published output in one step, keep the one it replaces as `.previous`, and delete older builds.
 * Everything that can refuse has refused before (the caller holds the lock, and checked the output with checkOutput);
 * after the swap, nothing can undo it or delete the live build, and a clean-up that fails is returned as a warning.
 */
export async function publishBuild(layout: OutputLayout, build: BuildFolder): Promise<{ previous?: string; warnings: string[] }> {
  const warnings: string[] = [];
  if ((await kind(layout.out)) === "dir") {
    // A plain folder that is a build of this site (checkOutput refused any other): adopt it, once, so it can be the rollback.
    const adopted = buildFolder(path.join(layout.builds, `adopted-${Date.now().toString(36)}`));
    await mkdir(adopted.dir, { recursive: true });
    await rename(layout.out, adopted.site);
    await pointLink(layout.out, adopted.site);
  }
  const previous = await linkTarget(layout.out);

  await pointLink(layout.out, build.site);

  // The new build is live. From here on, failures are warnings: nothing may undo the swap or remove the live build.
  if (previous && previous !== build.site) {
    await pointLink(layout.previous, previous).catch((error: Error) => warnings.push(`The previous build could not be kept for rollback: ${error.message}`));
  }
  warnings.push(...(await pruneBuilds(layout)));
  return previous ? { previous, warnings } : { warnings };
}

/** Make the output and the previous build swap places (the rollback when nothing in it has expired). */
export async function swapWithPrevious(layout: OutputLayout): Promise<string[]> {
  const previous = await buildAt(layout.previous);
  if (!previous) throw new OutputError(`There is no previous build to roll back to (${layout.previous} does not exist). Nothing was changed.`);
  return (await publishBuild(layout, previous.folder)).warnings;
}

/** A folder in `.builds` that a build of this site made: it has its `site/`, `input/` or `build.json`. Nothing else there is ever deleted. */
async function isOurBuild(dir: string): Promise<boolean> {
  if ((await kind(dir)) !== "dir") return false;
  const entries = new Set(await readdir(dir).catch(() => []));
  return entries.has("site") || entries.has("input") || entries.has("build.json");
}

/** Delete every build folder that neither the output nor `.previous` points at (including half-made ones); failures are warnings. */
async function pruneBuilds(layout: OutputLayout): Promise<string[]> {
  const keep = new Set<string>();
  for (const link of [layout.out, layout.previous]) {
    const kept = await buildAt(link);
    if (kept) keep.add(kept.folder.dir);
  }
  const warnings: string[] = [];
  for (const entry of await readdir(layout.builds).catch(() => [])) {
    const dir = path.join(layout.builds, entry);
    if (keep.has(dir) || !(await isOurBuild(dir))) continue;
    await rm(dir, { recursive: true, force: true }).catch((error: Error) =>
      warnings.push(`An old build could not be deleted (${error.message}); delete ${dir} by hand.`),
    );
  }
  return warnings;
}
