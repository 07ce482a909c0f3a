import type { OutputLayout } from "../model/output-layout.ts";
import { constants } from "node:fs";
import { access, chmod, lstat, mkdir, mkdtemp, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { IsoDate } from "../model/dates.ts";
import { removalHasCome } from "../rules/release-dates.ts";

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

export async function kind(p: string): Promise<"missing" | "link" | "dir" | "other"> {
  try {
    const s = await lstat(p);
    return s.isSymbolicLink() ? "link" : s.isDirectory() ? "dir" : "other";
  } catch {
    return "missing";
  }
}

export async function exists(p: string): Promise<boolean> {
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

/** The reviews a build lists whose removal date has come by `date` (the same rule as the build's: src/rules/release-dates.ts). */
export function expiredBy(meta: BuildMeta, date: IsoDate): BuildMeta["listed"] {
  return meta.listed.filter((review) => review.removalDate !== null && removalHasCome(review.removalDate, date));
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
