import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { IsoDate } from "../model/dates.ts";

/**
 * What a build folder holds (see src/model/output-layout.ts): `site/` (what is served), `input/` (the data it was
 * made from), `code/` (the project files that made it) and `build.json` (what it lists).
 */

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
  /** The git commit its code came from, when it was built in a git checkout (for the record). */
  commit?: string;
}

export interface BuildFolder {
  dir: string;
  site: string;
  input: string;
  code: string;
  metaFile: string;
}

export function buildFolder(dir: string): BuildFolder {
  return { dir, site: path.join(dir, "site"), input: path.join(dir, "input"), code: path.join(dir, "code"), metaFile: path.join(dir, "build.json") };
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
