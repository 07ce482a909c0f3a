import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BuildInput } from "../content/build-input.ts";
import { contentPaths } from "../content/paths.ts";
import type { IsoDate } from "../model/dates.ts";
import { DataError, formatProblem } from "../model/problems.ts";
import { createFetchFeed, fetchFeed } from "../sources/fetch-feed.ts";
import { finderSources, readFinderInput } from "../sources/finder-setup.ts";
import { harvestAt, harvestSources, type FetchFeed, type Harvest } from "../sources/harvest.ts";
import { HARVEST_FILE, parseHarvest, serialiseHarvest } from "../sources/harvest-file.ts";

/**
 * The finder's part of a build (issue 23, part 2): its input (site.json, an empty reviews.json), its harvest
 * at the build date, and the harvest kept with the build as `input/harvest.json`, so that a later rebuild
 * of the kept build re-applies every date to the same records.
 */

/**
 * The harvest the live finder was built from (`<live build>/input/harvest.json`, given to buildSite as
 * `previousHarvest`), or null when there is none; one that cannot be read is a warning, not a failed build:
 * the night then has no last good records to stand in.
 */
export async function readPreviousHarvest(file: string | undefined, log: (line: string) => void): Promise<Harvest | null> {
  if (!file) return null;
  let text: string;
  if (/^https?:\/\//i.test(file)) {
    // The finder's own published /harvest.json (a host with no live build), read as any feed is: bounded in time and size.
    const got = await readPublishedHarvest(file);
    if (!got.ok) {
      log(`The finder's previous harvest (${file}) could not be read, so no source's last good records stand in tonight: ${got.problem}`);
      return null;
    }
    text = new TextDecoder().decode(got.body);
  } else {
    try {
      text = await readFile(file, "utf8");
    } catch {
      return null;
    }
  }
  try {
    return parseHarvest(text, file);
  } catch (error) {
    log(`The live finder's harvest (${file}) could not be used, so no source's last good records stand in tonight: ${(error as Error).message}`);
    return null;
  }
}

/** A finder's published harvest holds every listed record, so it may weigh more than one feed: up to 200 MB, in a minute. */
const readPublishedHarvest = createFetchFeed({ maxBytes: 200 * 1024 * 1024, timeLimitMs: 60_000 });

/**
 * The harvest kept with a build (`<build>/input/harvest.json`), for a rebuild of that build at a later date
 * (a failed night, a rollback: pass it to buildSite as `harvest`, with the kept `input`); undefined when the
 * build is a partnership's (it has none). One that cannot be read is a DataError naming the file.
 */
export async function keptHarvest(inputDir: string): Promise<Harvest | undefined> {
  const file = path.join(inputDir, HARVEST_FILE);
  const text = await readFile(file, "utf8").catch(() => undefined);
  return text === undefined ? undefined : parseHarvest(text, file);
}

export interface FinderBuildOptions {
  root: string;
  buildDate: IsoDate;
  /** A kept build's input and harvest (a rebuild at a later date): nothing is fetched. */
  input?: BuildInput;
  harvest?: Harvest;
  previousHarvest?: string;
  fetchFeed?: FetchFeed;
  log: (line: string) => void;
}

/** The finder's input and its harvest at the build date; the harvest written to `inputDir/harvest.json`. */
export async function finderBuildInput(options: FinderBuildOptions, inputDir: string): Promise<{ input: BuildInput; harvest: Harvest }> {
  let harvest: Harvest;
  let input: BuildInput;
  if (options.harvest) {
    if (!options.input)
      throw new DataError([{ file: HARVEST_FILE, message: "a kept harvest was given without its build's input; give both to rebuild a kept finder." }]);
    input = options.input;
    harvest = harvestAt(options.harvest, options.buildDate);
  } else {
    const sources = finderSources(options.root);
    input = options.input ?? readFinderInput(contentPaths(options.root), options.buildDate, sources.length);
    const previous = await readPreviousHarvest(options.previousHarvest, options.log);
    harvest = await harvestSources(sources, { today: options.buildDate, previous, fetchFeed: options.fetchFeed ?? fetchFeed });
  }
  await writeFile(path.join(inputDir, HARVEST_FILE), serialiseHarvest(harvest));
  return { input, harvest };
}

/**
 * `npm start` in a finder: its sources read once, at `buildDate`, as the build reads them (the real fetcher, bounded
 * in time and size), and the harvest written to `file` for the preview's Eleventy (src/eleventy/finder-preview.ts).
 * No live build's records stand in: the preview shows what can be read now. A DataError when sources.json is wrong.
 */
export async function previewHarvest(root: string, file: string, buildDate: IsoDate, fetch: FetchFeed = fetchFeed): Promise<Harvest> {
  const harvest = await harvestSources(finderSources(root), { today: buildDate, previous: null, fetchFeed: fetch });
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, serialiseHarvest(harvest));
  return harvest;
}

/** What the preview says of its harvest in the terminal: how many sources were read, and each it could not read, and why. */
export function harvestSummary(harvest: Harvest): string[] {
  const count = harvest.sources.length;
  const read = harvest.sources.filter((report) => report.state === "read");
  const reviews = harvest.records.length;
  const lines = [
    `Read ${read.length} of ${count} ${count === 1 ? "source" : "sources"} for the preview: ${reviews} ${reviews === 1 ? "review" : "reviews"} listed.`,
  ];
  for (const report of harvest.sources) {
    const [first, ...more] = report.problems;
    const rest = more.length ? ` (and ${more.length} more: see /sources/)` : "";
    if (report.state !== "read")
      lines.push(
        `Source not read: ${report.source.name}: ${first ? formatProblem(first) : "no reason recorded."}${rest} The preview goes on without its reviews; restart npm start to read the sources again.`,
      );
    else if (first)
      lines.push(
        `Source read with ${report.problems.length === 1 ? "a problem" : `${report.problems.length} problems`}: ${report.source.name}: ${formatProblem(first)}${rest}`,
      );
  }
  return lines;
}
