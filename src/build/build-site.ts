import { access, chmod, lstat, rename, rm, writeFile } from "node:fs/promises";
import { glob } from "tinyglobby";
import path from "node:path";
import { x } from "tinyexec";
import { readBuildInput, serialiseBuildInput, type BuildInput } from "../content/build-input.ts";
import { buildCatalogue, type Catalogue } from "../catalogue/index.ts";
import { serialiseTemplateData, TEMPLATE_DATA_ENV, TEMPLATE_DATA_FILE, templateData } from "../catalogue/template-data.ts";
import { pathPrefix } from "../catalogue/addresses.ts";
import { copyDocuments } from "../eleventy/copy-documents.ts";
import type { IsoDate } from "../model/dates.ts";
import { checkpoint } from "./fault.ts";
import { todayInLondon } from "../rules/build-date.ts";
import { contentPaths } from "../content/paths.ts";
import { formatProblems } from "../model/problems.ts";
import { checkDates, publishBuild } from "../release/publish.ts";
import { MARKER, newBuild, writeMeta, type BuildFolder, type BuildMeta } from "../release/build-folder.ts";
import type { OutputLayout } from "../model/output-layout.ts";
import { checkOutput } from "../release/output-guard.ts";
import { buildSearchIndex, SEARCH_CONTENT_FILE, searchContent } from "../eleventy/search-index.ts";
import { lock } from "../release/lock.ts";
import { EDITOR_ENV, PASSTHROUGH } from "../eleventy/passthrough.ts";
import { accessibilityChecksFor } from "../checks/a11y-record.ts";

export interface BuildOptions {
  /** The project folder: its code builds the site, and by default its `_data/` and `reviews/` are the content. */
  root?: string;
  /** The published output: a link to the live build. Default `_site`. */
  out?: string;
  /** The date the rules are applied at, resolved once by the caller and used by every process of the build. */
  buildDate: IsoDate;
  /** Build from this data instead of reading `_data/` (a rebuild of a kept build at a later date). */
  input?: BuildInput;
  /** Publish even when the live build is for a later date. */
  allowEarlierDate?: boolean;
  /** The accessibility check `beforePublish` runs (a sample, or every page), for the accessibility statement to say; leave it out when none runs. */
  accessibilityCheck?: "all" | "changed";
  /** Publish even when the build date is after today (a preview: `--future-date`). */
  allowFutureDate?: boolean;
  /** The clock's London date, read once by the caller; read from the clock when not given. */
  today?: IsoDate;
  /** Runs on the finished build before it goes live; throw to stop it going live. */
  beforePublish?: (siteDir: string, catalogue: Catalogue) => Promise<void>;
  log?: (line: string) => void;
}

export interface BuildResult {
  build: BuildFolder;
  catalogue: Catalogue;
  previous?: string;
  layout: OutputLayout;
  /** Things that went wrong after the build went live (it stays live). */
  warnings: string[];
}

/**
 * Run Eleventy with the project's config in a child process, writing into
 * `siteDir`, with what templates read of the catalogue handed over in a file
 * (`dataFile`, src/catalogue/template-data.ts). Eleventy runs in its own process
 * so that its memory is given back before Pagefind starts.
 */
export async function runEleventy(root: string, siteDir: string, dataFile: string, prefix = "/", editor = false): Promise<void> {
  const cli = path.join(root, "node_modules", "@11ty", "eleventy", "cmd.cjs");
  // A young generation of 2 MB (V8's default is 16 or more): about 100 MiB less at 10,000 reviews, at no measurable cost in time.
  const result = await x(
    process.execPath,
    ["--max-semi-space-size=2", "--import", "tsx", cli, "--config=.eleventy.ts", `--output=${siteDir}`, `--pathprefix=${prefix}`, "--quiet"],
    {
      nodeOptions: { cwd: root, env: { [TEMPLATE_DATA_ENV]: dataFile, [EDITOR_ENV]: editor ? "1" : "0" }, stdio: ["ignore", "ignore", "pipe"] },
    },
  );
  if (result.exitCode !== 0) throw new Error(`Eleventy failed (exit ${result.exitCode ?? "by a signal"}):\n${result.stderr.trim()}`);
  // A config's dir.output would override the folder given here; a build that wrote elsewhere must never go live.
  try {
    await access(path.join(siteDir, "index.html"));
  } catch {
    throw new Error(`Eleventy wrote no index.html into ${siteDir}; check that .eleventy.ts sets no output folder.`);
  }
}

/**
 * Folders 0755 and files 0644 (a file, or a folder and everything in it), whatever the source files' modes, so
 * that a web server running as another user can read every file. A missing path is left alone.
 */
export async function makeReadable(target: string): Promise<void> {
  const found = await lstat(target).catch(() => undefined);
  if (!found || found.isSymbolicLink()) return;
  if (!found.isDirectory()) return chmod(target, 0o644);
  await chmod(target, 0o755);
  // Folders come back with a trailing "/"; links are not followed, so nothing outside the build is touched.
  for (const entry of await glob("**", { cwd: target, dot: true, onlyFiles: false, followSymbolicLinks: false })) {
    await chmod(path.join(target, entry), entry.endsWith("/") ? 0o755 : 0o644);
  }
}

/**
 * Everything the build and its child processes write is made under umask 022 (files 0644, folders 0755),
 * whatever the caller's umask; what is copied from sources keeps its modes and is made readable after:
 * Eleventy's passthrough copies here, the documents as they are copied.
 */
async function makeCopiesReadable(siteDir: string): Promise<void> {
  for (const target of Object.values(PASSTHROUGH)) await makeReadable(path.join(siteDir, target));
}

function metaFor(catalogue: Catalogue): BuildMeta {
  return {
    generator: "learning-reviews",
    buildDate: catalogue.buildDate,
    listed: catalogue.listed.map((review) => ({ id: review.id, title: review.title, removalDate: review.removalDate })),
    removed: catalogue.removed.map((review) => review.id),
    documents: catalogue.documentFiles.map((file) => file.to),
  };
}

/**
 * Build the whole site into a new folder and make it live in one step. The data
 * is checked before anything is written; a failure at any point before the swap
 * leaves the live output exactly as it was, and nothing after it can remove the live build.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const root = path.resolve(options.root ?? process.cwd());
  const layout = await checkOutput(options.out ?? "_site", root);
  await checkpoint("validate");
  const read = options.input ?? (await readBuildInput(contentPaths(root), options.buildDate));
  if (!options.input && read.warnings.length) log(formatProblems(read.warnings, "warning"));
  // Decided for this build, never kept from the one it rebuilds: a rebuild is not checked again.
  const input = { ...read, buildDate: options.buildDate, accessibilityChecks: accessibilityChecksFor(layout.out, options.accessibilityCheck) };
  const catalogue = buildCatalogue(input.reviews, input.site, options.buildDate, input.warnings, input.accessibilityChecks);
  // Today is read once, so that both date checks (before the build and at the swap) apply one day.
  const dates = { ...options, today: options.today ?? todayInLondon() };
  const unlock = await lock(layout, log);
  let build: BuildFolder | undefined;
  let live = false;
  // Children (Eleventy, Pagefind) inherit it; given back in `finally`.
  const callersUmask = process.umask(0o022);
  try {
    await checkDates(layout, options.buildDate, dates);
    await checkpoint("prepare");
    build = await newBuild(layout, options.buildDate);
    await writeFile(path.join(build.input, "build-input.json"), serialiseBuildInput(input));
    // The catalogue is made once, here: Eleventy's process is handed what its templates read, and no more (no PDF text).
    const dataFile = path.join(build.input, TEMPLATE_DATA_FILE);
    await writeFile(dataFile, serialiseTemplateData(templateData(catalogue)));
    await checkpoint("eleventy");
    // The editor only when site.json says it is served with the public site on purpose (npm run build:editor builds it apart).
    await runEleventy(root, build.site, dataFile, pathPrefix(input.site.url), input.site.cms?.withPublicSite === true);
    await rm(dataFile, { force: true });
    // The advance removal notices are kept with the build, never served.
    await rename(path.join(build.site, "_notices"), build.notices).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await checkpoint("documents");
    await copyDocuments(catalogue.documentFiles, input.contentRoot, build.site);
    await checkpoint("index");
    // Made from the catalogue, not from the written pages. It could be built while Eleventy runs (about 5 s
    // less at 10,000 reviews), but Pagefind's process (about 400 MiB then) beside Eleventy's would take the
    // build past 1 GiB of memory, so it runs after Eleventy's process has given its memory back.
    const search = searchContent(catalogue);
    await writeFile(path.join(build.input, SEARCH_CONTENT_FILE), JSON.stringify(search));
    await buildSearchIndex(build.site, search);
    await checkpoint("permissions");
    await writeFile(path.join(build.site, MARKER), `learning-reviews build for ${options.buildDate}\n`);
    await makeCopiesReadable(build.site);
    await writeMeta(build, metaFor(catalogue));
    await checkpoint("check");
    await options.beforePublish?.(build.site, catalogue);
    await checkpoint("publish");
    await unlock.ensureHeld("nothing was published");
    const published = await publishBuild(layout, build, dates);
    live = true;
    const warnings = [...published.warnings];
    try {
      await checkpoint("published");
    } catch (error) {
      warnings.push(`After the new build went live: ${(error as Error).message}`);
    }
    for (const warning of warnings) log(`Warning: ${warning}`);
    return { build, catalogue, layout, warnings, ...(published.previous ? { previous: published.previous } : {}) };
  } catch (error) {
    // Never delete a build that went live.
    if (build && !live) await rm(build.dir, { recursive: true, force: true }).catch(() => {});
    throw error;
  } finally {
    process.umask(callersUmask);
    await unlock();
  }
}
