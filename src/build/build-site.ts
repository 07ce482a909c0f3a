import { access, chmod, lstat, rm, writeFile } from "node:fs/promises";
import { glob } from "tinyglobby";
import path from "node:path";
import { x } from "tinyexec";
import { readBuildInput, serialiseBuildInput, type AccessibilityChecks, type BuildInput } from "../content/build-input.ts";
import { buildCatalogue, type Catalogue } from "../catalogue/index.ts";
import { serialiseTemplateData, TEMPLATE_DATA_ENV, TEMPLATE_DATA_FILE, templateData } from "../catalogue/template-data.ts";
import { pathPrefix } from "../catalogue/addresses.ts";
import { copyDocuments } from "../eleventy/copy-documents.ts";
import { writeCitationFiles } from "../eleventy/citation-files.ts";
import type { IsoDate } from "../model/dates.ts";
import { checkpoint } from "./fault.ts";
import { contentPaths } from "../content/paths.ts";
import { formatProblem } from "../model/problems.ts";
import { MARKER, writeMeta, type BuildFolder, type BuildMeta } from "./build-record.ts";
import { buildSearchIndex, searchContent } from "../eleventy/search-index.ts";
import { EDITOR_ENV, PASSTHROUGH } from "../eleventy/passthrough.ts";
import { commitOf, keepCode } from "./keep-code.ts";
import { collectGarbage } from "./memory.ts";
import { finderBuildInput } from "./finder-build.ts";
import { finderCatalogue } from "../catalogue/finder.ts";
import { isFinder } from "../sources/finder-setup.ts";
import type { FetchFeed, Harvest } from "../sources/harvest.ts";
import { writeFinderFiles } from "../eleventy/finder-preview.ts";
import { bundleEleventyConfig } from "./eleventy-bundle.ts";

export interface BuildOptions {
  /** The project folder: its code builds the site, and by default its `_data/` and `reviews/` are the content. */
  root?: string;
  /** An empty build folder to build into (src/release/ makes it, under the output lock). */
  build: BuildFolder;
  /** The date the rules are applied at, resolved once by the caller and used by every process of the build. */
  buildDate: IsoDate;
  /** Build from this data instead of reading `_data/` (a rebuild of a kept build at a later date). */
  input?: BuildInput;
  /** What the accessibility statement may say of the checks this build passes (src/checks/a11y-record.ts). */
  accessibilityChecks?: AccessibilityChecks;
  log?: (line: string) => void;
  /** A finder's kept harvest (`<kept build>/input/harvest.json`, parsed), to rebuild it with `input` at a later date: nothing is fetched. */
  harvest?: Harvest;
  /** A finder's live harvest file (`<live build>/input/harvest.json`): its last good records stand in for a source not read tonight. */
  previousHarvest?: string;
  /** How a finder reads its sources' feeds (tests serve them from 127.0.0.1). */
  fetchFeed?: FetchFeed;
}

export interface BuildResult {
  build: BuildFolder;
  catalogue: Catalogue;
  /** What the data's checks warned about (the build went ahead). */
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
  // The config, src/ and the TypeScript templates as one JavaScript file: no TypeScript loader in Eleventy's process.
  const bundle = await bundleEleventyConfig(root);
  // A young generation of 2 MB (V8's default is 16 or more): about 100 MiB less at 10,000 reviews, at no measurable cost in time.
  // The old generation let grow by half of what is live after each full collection, not by V8's own factor (up to 4×):
  // about 90 MiB less at 10,000 reviews, for the same CPU time (docs/design.md, Performance).
  const run = x(
    process.execPath,
    ["--max-semi-space-size=2", "--heap-growing-percent=50", cli, `--config=${bundle.file}`, `--output=${siteDir}`, `--pathprefix=${prefix}`, "--quiet"],
    {
      nodeOptions: { cwd: root, env: { [TEMPLATE_DATA_ENV]: dataFile, [EDITOR_ENV]: editor ? "1" : "0" }, stdio: ["ignore", "ignore", "pipe"] },
    },
  );
  const result = await Promise.resolve(run).finally(bundle.remove);
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
 * Build the whole site into `options.build`: its `site/` (pages, documents, search index), `input/` (the data),
 * `code/` (the project files that made it) and `build.json`. It checks nothing of the result and publishes
 * nothing: src/release/publish-site.ts does, once this has returned.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const root = path.resolve(options.root ?? process.cwd());
  const { build } = options;
  await checkpoint("validate");
  // A finder (its _data/sources.json, or a kept harvest) is built from its harvest: src/build/finder-build.ts.
  const finder =
    options.harvest || (!options.input && isFinder(root))
      ? await finderBuildInput({ ...options, root, log: options.log ?? console.log }, build.input)
      : undefined;
  const read = finder?.input ?? options.input ?? (await readBuildInput(contentPaths(root), options.buildDate));
  // Decided for this build, never kept from the one it rebuilds: a rebuild is not checked again.
  const { accessibilityChecks: _kept, ...data } = read;
  const input: BuildInput = {
    ...data,
    buildDate: options.buildDate,
    ...(options.accessibilityChecks ? { accessibilityChecks: options.accessibilityChecks } : {}),
  };
  const catalogue = finder
    ? finderCatalogue(finder.harvest, input.site, options.buildDate, input.accessibilityChecks)
    : buildCatalogue(input.reviews, input.site, options.buildDate, input.warnings, input.accessibilityChecks);
  // Children (Eleventy, Pagefind) inherit it; given back in `finally`.
  const callersUmask = process.umask(0o022);
  try {
    await checkpoint("prepare");
    await writeFile(path.join(build.input, "build-input.json"), serialiseBuildInput(input));
    await keepCode(root, build.code);
    // The catalogue is made once, here: Eleventy's process is handed what its templates read, and no more (no PDF text).
    const dataFile = path.join(build.input, TEMPLATE_DATA_FILE);
    await writeFile(dataFile, serialiseTemplateData(templateData(catalogue)));
    // What reading and checking the data left behind (about 250 MiB at 10,000 reviews) is given back now, not
    // held for the whole of Eleventy's run beside Eleventy's own memory (an idle process is not collected).
    collectGarbage();
    await checkpoint("eleventy");
    // The editor only when site.json says it is served with the public site on purpose (npm run build:editor builds it apart).
    await runEleventy(root, build.site, dataFile, pathPrefix(input.site.url), input.site.cms?.withPublicSite === true);
    await rm(dataFile, { force: true });
    await checkpoint("documents");
    await copyDocuments(catalogue.documentFiles, input.contentRoot, build.site);
    // A finder's reviews are cited on their partnerships' own pages.
    if (!finder) await writeCitationFiles(catalogue.listed, build.site);
    await checkpoint("index");
    // Made from the catalogue, not from the written pages. It could be built while Eleventy runs (about 5 s
    // less at 10,000 reviews), but Pagefind's process (about 400 MiB then) beside Eleventy's would take the
    // build past 1 GiB of memory, so it runs after Eleventy's process has given its memory back.
    await buildSearchIndex(build.site, searchContent(catalogue));
    // A finder publishes its harvest (/harvest.json): the last good records, for a night on a host with no live build.
    // Its records are the ones listed; which reviews its dates left out is kept in input/harvest.json only (the nightly report names them).
    // With what its page needs to search inside every source's reports, for the reviews it lists today only (src/catalogue/finder-search.ts).
    if (finder) await writeFinderFiles(build.site, finder.harvest, catalogue.listed);
    await checkpoint("permissions");
    await writeFile(path.join(build.site, MARKER), `learning-reviews build for ${options.buildDate}\n`);
    await makeCopiesReadable(build.site);
    const commit = await commitOf(root);
    await writeMeta(build, { ...metaFor(catalogue), ...(commit ? { commit } : {}) });
    return { build, catalogue, warnings: catalogue.warnings.map(formatProblem) };
  } finally {
    process.umask(callersUmask);
  }
}
