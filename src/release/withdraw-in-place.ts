import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildSearchIndex, keptSearchContent } from "../eleventy/search-index.ts";
import { recordsCsv, type OpenDataRecord } from "../catalogue/open-data.ts";
import type { IsoDate } from "../model/dates.ts";
import { writeMeta, type BuildFolder, type BuildMeta } from "./build-folder.ts";

/** An error's message, for the report. */
export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Write a file by rename, so a reader sees the old text or the new, never half. */
async function replaceFile(file: string, text: string): Promise<void> {
  await writeFile(`${file}.withdraw-tmp`, text, { mode: 0o644 });
  await rename(`${file}.withdraw-tmp`, file);
}

async function scrub(file: string, edit: (text: string) => string, problems: string[]): Promise<void> {
  try {
    await replaceFile(file, edit(await readFile(file, "utf8")));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") problems.push(`${path.basename(file)} could not be updated: ${message(error)}`);
  }
}

/**
 * The last resort, when even a rebuild fails: take each expired review out of
 * the live build where it stands. Its page becomes the removal notice made for
 * it in advance, its documents are deleted, it leaves the open data, the feed
 * and the sitemap, and the search index is made again without it (or deleted,
 * if that fails). Lists on other pages still name it, linking to the notice.
 */
export async function withdrawInPlace(folder: BuildFolder, meta: BuildMeta, expired: BuildMeta["listed"], buildDate: IsoDate): Promise<string[]> {
  // What is written (and Pagefind's new index) readable by a web server running as another user, whatever the caller's umask.
  const callersUmask = process.umask(0o022);
  try {
    return await withdraw(folder, meta, expired, buildDate);
  } finally {
    process.umask(callersUmask);
  }
}

async function withdraw(folder: BuildFolder, meta: BuildMeta, expired: BuildMeta["listed"], buildDate: IsoDate): Promise<string[]> {
  const problems: string[] = [];
  const ids = new Set(expired.map((review) => review.id));
  for (const review of expired) {
    const reviewDir = path.join(folder.site, "reviews", review.id);
    let notice: string;
    try {
      notice = await readFile(path.join(folder.notices, review.id, "index.html"), "utf8");
    } catch {
      notice = `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Review removed</title><link rel="stylesheet" href="/assets/site.css"></head><body><main id="main-content"><h1>This review has been removed</h1><p>It was removed from this site at the end of its publication period.</p><p><a href="/">Find a review that is still published</a></p></main></body></html>\n`;
    }
    await replaceFile(path.join(reviewDir, "index.html"), notice);
    for (const entry of await readdir(reviewDir)) if (entry !== "index.html") await rm(path.join(reviewDir, entry), { recursive: true, force: true });
  }
  const gone = (url: string) => [...ids].some((id) => new URL(url).pathname.endsWith(`/reviews/${id}/`));
  await scrub(
    path.join(folder.site, "reviews.json"),
    (text) => {
      const data = JSON.parse(text) as { reviews: OpenDataRecord[] };
      return `${JSON.stringify({ ...data, reviews: data.reviews.filter((record) => !ids.has(record.id)) }, null, 2)}\n`;
    },
    problems,
  );
  try {
    const data = JSON.parse(await readFile(path.join(folder.site, "reviews.json"), "utf8")) as { reviews: OpenDataRecord[] };
    await replaceFile(path.join(folder.site, "reviews.csv"), recordsCsv(data.reviews));
  } catch (error) {
    problems.push(`reviews.csv could not be updated: ${message(error)}`);
    await rm(path.join(folder.site, "reviews.csv"), { force: true }).catch(() => {});
  }
  await scrub(
    path.join(folder.site, "feed.xml"),
    (text) =>
      text.replace(/\s*<entry>[\s\S]*?<\/entry>/g, (entry) => {
        const id = /<id>([^<]*)<\/id>/.exec(entry)?.[1];
        return id && gone(id.replace(/&amp;/g, "&")) ? "" : entry;
      }),
    problems,
  );
  await scrub(
    path.join(folder.site, "sitemap.xml"),
    (text) => text.replace(/\s*<url><loc>([^<]*)<\/loc><\/url>/g, (url, loc: string) => (gone(loc.replace(/&amp;/g, "&")) ? "" : url)),
    problems,
  );

  const stillListed = meta.listed.filter((review) => !ids.has(review.id));
  const pagefindDir = path.join(folder.site, "pagefind");
  try {
    await rm(`${pagefindDir}.new`, { recursive: true, force: true });
    await buildSearchIndex(folder.site, await keptSearchContent(folder, stillListed), { outputPath: `${pagefindDir}.new` });
    await rename(pagefindDir, `${pagefindDir}.old`);
    await rename(`${pagefindDir}.new`, pagefindDir);
    await rm(`${pagefindDir}.old`, { recursive: true, force: true });
  } catch (error) {
    problems.push(`The search index could not be made again (${message(error)}), so it was deleted: search is unavailable until the next successful build.`);
    await rm(pagefindDir, { recursive: true, force: true });
    await rm(`${pagefindDir}.old`, { recursive: true, force: true });
  }
  await writeMeta(folder, {
    ...meta,
    listed: stillListed,
    removed: [...meta.removed, ...ids],
    documents: (meta.documents ?? []).filter((file) => !ids.has(file.split("/")[1]!)),
    withdrawnInPlace: [...(meta.withdrawnInPlace ?? []), ...expired.map((review) => ({ id: review.id, on: buildDate }))],
  });
  return problems;
}
