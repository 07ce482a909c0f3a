/**
 * `npm run build:editor`: the editor (Sveltia CMS and the site's own script) alone, in a folder of its own, to be
 * served from an origin of its own (an admin. subdomain, a separate Pages site). Sveltia keeps the signed-in
 * user, GitHub token included, in the localStorage of the origin it runs on, which every page of that origin can
 * read; so the public build leaves the editor out unless site.json's `cms.withPublicSite` says otherwise.
 * The folder holds the same files as a site's /admin/, at its root, and a robots.txt that keeps crawlers out.
 */
import { readFileSync } from "node:fs";
import { chmod, mkdir, readdir, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadSiteSettings } from "../content/site-settings.ts";
import { contentPaths } from "../content/paths.ts";
import { EDITOR_STATIC } from "../eleventy/passthrough.ts";
import { OutputError } from "../model/failures.ts";
import { MARKER } from "../build/build-record.ts";
import { reviewsEditorScript, SVELTIA_BUNDLE, sveltiaWithLocalFonts } from "./editor-bundle.ts";

export const EDITOR_ROBOTS = "User-agent: *\nDisallow: /\n";

/** Every file of the editor, by its place in the editor's folder, for the project at `root`. */
export async function editorFiles(root: string): Promise<Map<string, Uint8Array | string>> {
  const site = loadSiteSettings(contentPaths(root).siteFile);
  const files = new Map<string, Uint8Array | string>();
  for (const [from, to] of Object.entries(EDITOR_STATIC)) files.set(to, readFileSync(path.join(root, from)));
  files.set("sveltia-cms.js", sveltiaWithLocalFonts(readFileSync(path.join(root, SVELTIA_BUNDLE), "utf8")));
  files.set("reviews-editor.js", await reviewsEditorScript({ retentionMonths: site.retentionMonths, areaKeys: Object.keys(site.areas) }));
  files.set("robots.txt", EDITOR_ROBOTS);
  return files;
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/** Written into every editor build, so that a later one replaces only a folder this command made. */
export const EDITOR_MARKER = ".learning-reviews-editor";

/** Refuse an output that is the project, holds it, or is a folder this command did not make (an empty one is fine). */
async function checkEditorOutput(out: string, root: string): Promise<void> {
  const relative = path.relative(out, root);
  if (relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative))) {
    throw new OutputError(
      `--out ${out} is the project folder or holds it; the editor goes in a folder of its own, not the project folder (e.g. --out _editor).`,
    );
  }
  if (!(await exists(path.dirname(out))))
    throw new OutputError(`The folder ${path.dirname(out)} does not exist; create it first (mkdir -p ${path.dirname(out)}).`);
  // Through the link a live output is (`_site/admin`), folders are followed as a web server follows them.
  for (let dir = await realpath(path.dirname(out)); ; dir = path.dirname(dir)) {
    if (await exists(path.join(dir, MARKER))) {
      throw new OutputError(
        `--out ${out} is inside a build of the public site (${dir}), where the editor would be served beside the public pages. ` +
          `The editor goes in a folder of its own, served from an origin of its own (e.g. --out _editor); nothing was written.`,
      );
    }
    if (path.dirname(dir) === dir) break;
  }
  if (!(await exists(out))) return;
  if (!(await stat(out)).isDirectory()) throw new OutputError(`${out} is a file, not a folder; move it away and run again.`);
  const found = await readdir(out);
  if (found.length > 0 && !found.includes(EDITOR_MARKER)) {
    throw new OutputError(
      `${out} holds files this command did not write (it has no ${EDITOR_MARKER} file: ${found.slice(0, 3).join(", ")}${found.length > 3 ? ", …" : ""}), so it will not be replaced. Move them away, or choose another --out.`,
    );
  }
}

/**
 * Write the editor into `out`: made in a new folder beside it, which then takes its place, so a failure leaves the
 * last editor build as it was. Folders 0755 and files 0644, whatever the umask, for a web server running as another user.
 */
export async function buildEditor({ root, out }: { root: string; out: string }): Promise<string[]> {
  const target = path.resolve(out);
  const files = await editorFiles(root);
  await checkEditorOutput(target, path.resolve(root));
  files.set(EDITOR_MARKER, "learning-reviews: the editor built alone (npm run build:editor)\n");
  const fresh = `${target}.new-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  try {
    for (const [name, content] of files) {
      const file = path.join(fresh, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
      await chmod(file, 0o644);
    }
    for (const dir of [
      fresh,
      ...(await readdir(fresh, { recursive: true, withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => path.join(d.parentPath, d.name)),
    ]) {
      await chmod(dir, 0o755);
    }
    const hadOne = await exists(target);
    if (hadOne) await rename(target, old);
    try {
      await rename(fresh, target);
    } catch (error) {
      // Put the last editor build back rather than leave no editor at all.
      if (hadOne) await rename(old, target);
      throw error;
    }
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
  return [...files.keys()].sort();
}
