import { lstat, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildSite } from "../build/build-site.ts";
import { lock } from "./lock.ts";
import { readBuildInputFile, type BuildInput } from "../content/build-input.ts";
import type { IsoDate } from "../model/dates.ts";
import { checkpoint } from "../build/fault.ts";
import { recordsCsv, type OpenDataRecord } from "../catalogue/open-data.ts";
import { buildAt } from "./publish.ts";
import { expiredBy, writeMeta, type BuildFolder, type BuildMeta, type OutputLayout } from "./build-folder.ts";
import { buildSearchIndex, keptSearchContent } from "../build/search-index.ts";
import { checkBuiltSite } from "../checks/site-check.ts";

/** What a withdrawal did: which reviews left the live site, how, and what went wrong on the way. */
export interface Withdrawal {
  /** "none-due": nothing in the live build has expired; "rebuilt": the live build's own data was rebuilt at the date; "in-place": files were taken out of the live build; "failed": nothing could be done. */
  outcome: "none-due" | "no-live-build" | "rebuilt" | "in-place" | "failed";
  withdrawn: BuildMeta["listed"];
  problems: string[];
}

async function isFolder(p: string): Promise<boolean> {
  try {
    return (await lstat(p)).isDirectory();
  } catch {
    return false;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The data a kept build was made from, less what it did not publish: reviews it
 * neither listed nor showed a notice for (those dated after its build date)
 * stay unpublished, and its documents are read from its own served copy.
 */
export function rebuildInput(folder: BuildFolder, meta: BuildMeta, kept: BuildInput, buildDate: IsoDate): BuildInput {
  // Reviews withdrawn in place are among `removed`, so they keep their notice.
  const known = new Set([...meta.listed.map((review) => review.id), ...meta.removed]);
  return { ...kept, buildDate, contentRoot: folder.site, reviews: kept.reviews.filter((review) => known.has(review.id)) };
}

export async function readKeptInput(folder: BuildFolder): Promise<BuildInput> {
  return readBuildInputFile(path.join(folder.input, "build-input.json"));
}

/**
 * Rebuild a kept build's own data at `buildDate` and make that live: the same
 * pages, feed, open data and search index as a normal build, less every SCR
 * whose time has come. Checked like a nightly build, bar the accessibility
 * check (a flaky browser must not keep an expired review online).
 */
export async function rebuildAt(options: { root: string; out: string; folder: BuildFolder; meta: BuildMeta; buildDate: IsoDate; log: (line: string) => void }) {
  const kept = await readKeptInput(options.folder);
  return buildSite({
    root: options.root,
    out: options.out,
    buildDate: options.buildDate,
    input: rebuildInput(options.folder, options.meta, kept, options.buildDate),
    // A rollback rebuilds an older build: its date is earlier than the live one's, but it is rebuilt at today's.
    allowEarlierDate: true,
    log: options.log,
    beforePublish: async (siteDir, catalogue) => {
      const problems = checkBuiltSite(siteDir, catalogue);
      if (problems.length) throw new Error(`the check of the rebuilt site found ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    },
  });
}

/** Write a file by rename, so a reader sees the old text or the new, never half. */
async function replaceFile(file: string, text: string): Promise<void> {
  await writeFile(`${file}.withdraw-tmp`, text);
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

/**
 * After a failed night: make sure nothing whose removal date has come stays
 * live. First rebuild the live build's own data at `buildDate`; if that fails,
 * withdraw the expired reviews from the live build in place. Never throws:
 * what happened is in the result, for the report.
 */
export async function withdrawExpired(options: { root: string; layout: OutputLayout; buildDate: IsoDate; log: (line: string) => void }): Promise<Withdrawal> {
  const { layout, buildDate, log } = options;
  const live = await buildAt(layout.out);
  if (!live) {
    if (await isFolder(layout.out)) {
      return {
        outcome: "failed",
        withdrawn: [],
        problems: [
          `The live output ${layout.out} is a plain folder, not a link to a build of this site, so what it lists cannot be told and nothing was withdrawn. Build the site again (npm run build) as soon as possible: it adopts the folder and makes a build that can be withdrawn from.`,
        ],
      };
    }
    return { outcome: "no-live-build", withdrawn: [], problems: [] };
  }
  if (!live.meta) {
    return {
      outcome: "failed",
      withdrawn: [],
      problems: [
        `The live build (${live.folder.site}) has no build.json, so what it lists cannot be told; build the site again (npm run build) as soon as possible.`,
      ],
    };
  }
  const expired = expiredBy(live.meta, buildDate);
  if (expired.length === 0) return { outcome: "none-due", withdrawn: [], problems: [] };
  log(
    `Withdrawing from the live site the ${expired.length} ${expired.length === 1 ? "review" : "reviews"} whose removal date has come: ${expired.map((review) => review.id).join(", ")}.`,
  );
  const problems: string[] = [];
  try {
    await checkpoint("withdraw-rebuild");
    await rebuildAt({ root: options.root, out: layout.out, folder: live.folder, meta: live.meta, buildDate, log });
    return { outcome: "rebuilt", withdrawn: expired, problems };
  } catch (error) {
    problems.push(`Rebuilding the live site's own data at ${buildDate} failed: ${message(error)}`);
  }
  let unlock: (() => Promise<void>) | undefined;
  try {
    unlock = await lock(layout, log);
    await checkpoint("withdraw-in-place");
    problems.push(...(await withdrawInPlace(live.folder, live.meta, expired, buildDate)));
    return { outcome: "in-place", withdrawn: expired, problems };
  } catch (error) {
    problems.push(`Withdrawing them from the live site in place failed: ${message(error)}`);
    return { outcome: "failed", withdrawn: [], problems };
  } finally {
    await unlock?.();
  }
}
