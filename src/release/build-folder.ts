import type { OutputLayout } from "../model/output-layout.ts";
import { constants } from "node:fs";
import { access, chmod, lstat, mkdir, mkdtemp, stat } from "node:fs/promises";
import path from "node:path";
import { buildFolder, type BuildFolder } from "../build/build-record.ts";

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

/** A build that can be made live: its site folder exists and has a home page. */
export async function requireWholeBuild(folder: BuildFolder, what: string): Promise<void> {
  try {
    const s = await stat(path.join(folder.site, "index.html"));
    if (!s.isFile()) throw new Error();
  } catch {
    throw new OutputError(`The ${what} (${folder.site}) is missing or incomplete: it has no index.html. Nothing was changed.`);
  }
}
