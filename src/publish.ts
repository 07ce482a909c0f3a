import { lstat, mkdir, mkdtemp, readdir, readlink, rename, rm, symlink } from "node:fs/promises";
import path from "node:path";

/**
 * The published output (`_site` by default) is a symbolic link to a finished
 * build in `<out>.builds/`. A new build goes live by replacing that link with
 * one rename, which the operating system does in one step: a visitor, a web
 * server or a deploy step sees the old build or the new one, never a mix, and a
 * build that fails or is killed half-way leaves the link pointing at the old one.
 * `<out>.previous` points at the build before, for rollback.
 */
export interface OutputLayout {
  out: string;
  builds: string;
  previous: string;
}

export function outputLayout(out: string): OutputLayout {
  const resolved = path.resolve(out);
  return { out: resolved, builds: `${resolved}.builds`, previous: `${resolved}.previous` };
}

/** A fresh, empty folder for the next build, beside the published ones. */
export async function newBuildDir(layout: OutputLayout, label: string): Promise<string> {
  await mkdir(layout.builds, { recursive: true });
  // mkdtemp adds a random suffix, so two builds started in the same millisecond never share a folder.
  return mkdtemp(path.join(layout.builds, `${label}-`));
}

async function kind(p: string): Promise<"missing" | "link" | "dir" | "other"> {
  try {
    const stat = await lstat(p);
    return stat.isSymbolicLink() ? "link" : stat.isDirectory() ? "dir" : "other";
  } catch {
    return "missing";
  }
}

/** Point `linkPath` at `target` in one rename, replacing any link already there. */
async function pointLink(linkPath: string, target: string): Promise<void> {
  const temporary = `${linkPath}.link-${process.pid}`;
  await rm(temporary, { force: true });
  await symlink(path.relative(path.dirname(linkPath), target), temporary, "dir");
  await rename(temporary, linkPath);
}

/** The build folder a link points at, as an absolute path, or undefined when it is not a link. */
export async function linkTarget(linkPath: string): Promise<string | undefined> {
  if ((await kind(linkPath)) !== "link") return undefined;
  return path.resolve(path.dirname(linkPath), await readlink(linkPath));
}

/**
 * Make `buildDir` (a folder in `layout.builds`) the published output in one
 * step, keep the one it replaces as `.previous`, and delete older builds.
 */
export async function publishBuild(layout: OutputLayout, buildDir: string): Promise<{ previous?: string }> {
  const current = await kind(layout.out);
  if (current === "other") throw new Error(`${layout.out} is a file, not a folder or link; move it away and run again.`);
  if (current === "dir") {
    // A plain folder left by an older set-up or by hand: adopt it as a build, once, so it can be the rollback.
    const adopted = path.join(layout.builds, `adopted-${Date.now().toString(36)}`);
    await mkdir(layout.builds, { recursive: true });
    await rename(layout.out, adopted);
    await pointLink(layout.out, adopted);
  }
  const previous = await linkTarget(layout.out);
  await pointLink(layout.out, buildDir);
  if (previous && previous !== buildDir) await pointLink(layout.previous, previous);
  await pruneBuilds(layout);
  return previous ? { previous } : {};
}

/** Delete every build folder that neither the output nor `.previous` points at (including half-made ones). */
export async function pruneBuilds(layout: OutputLayout, keep: string[] = []): Promise<void> {
  const live = new Set([await linkTarget(layout.out), await linkTarget(layout.previous), ...keep].filter(Boolean));
  let entries: string[];
  try {
    entries = await readdir(layout.builds);
  } catch {
    return;
  }
  for (const entry of entries) {
    const dir = path.join(layout.builds, entry);
    if (!live.has(dir)) await rm(dir, { recursive: true, force: true });
  }
}

/** Swap the published output back to the previous build (and the previous to what was live). */
export async function rollback(layout: OutputLayout): Promise<{ now: string }> {
  const current = await linkTarget(layout.out);
  const previous = await linkTarget(layout.previous);
  if (!previous) throw new Error(`There is no previous build to roll back to (${layout.previous} does not exist).`);
  await pointLink(layout.out, previous);
  if (current) await pointLink(layout.previous, current);
  return { now: previous };
}
