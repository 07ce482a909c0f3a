import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { finderCatalogue } from "../catalogue/finder.ts";
import { finderSearchSources, SEARCH_SOURCES_FILE } from "../catalogue/finder-search.ts";
import type { Catalogue } from "../catalogue/index.ts";
import { TEMPLATE_DATA_ENV } from "../catalogue/template-data.ts";
import type { ReviewView } from "../catalogue/views.ts";
import { contentPaths } from "../content/paths.ts";
import { resolveBuildDate } from "../rules/build-date.ts";
import { readFinderInput } from "../sources/finder-setup.ts";
import { harvestAt, type Harvest } from "../sources/harvest.ts";
import { HARVEST_FILE, parseHarvest, publishedHarvest, serialiseHarvest } from "../sources/harvest-file.ts";

/**
 * A finder in Eleventy's process. `npm run build` hands Eleventy its harvest beside the templates' data file
 * (src/build/finder-build.ts); `npm start` reads the sources once as it starts (scripts/start.ts) and names the
 * harvest it wrote in PREVIEW_HARVEST_ENV, from which every rebuild of the preview makes the finder's catalogue
 * with the current `_data/site.json`, at the build date, as the build does.
 */
export const PREVIEW_HARVEST_ENV = "LEARNING_REVIEWS_PREVIEW_HARVEST";

/**
 * The harvest this Eleventy process builds a finder from, or null when it builds a partnership's site. A build's own
 * (beside the data file it was handed) always wins: a preview's harvest named in the environment never reaches a build.
 */
export function finderHarvestFile(env: Record<string, string | undefined> = process.env): string | null {
  const dataFile = env[TEMPLATE_DATA_ENV];
  if (dataFile) {
    const beside = path.join(path.dirname(dataFile), HARVEST_FILE);
    return existsSync(beside) ? beside : null;
  }
  return env[PREVIEW_HARVEST_ENV] || null;
}

/** The preview's harvest at the build date: every date applied again, as a rebuild of a kept finder does. */
export function previewHarvestAt(file: string, env: Record<string, string | undefined> = process.env): Harvest {
  return harvestAt(parseHarvest(readFileSync(file, "utf8"), file), resolveBuildDate(env));
}

/** The finder's catalogue for one rebuild of the preview; a DataError naming the file and field when its settings are wrong. */
export function previewFinderCatalogue(file: string, env: Record<string, string | undefined> = process.env): Catalogue {
  const harvest = previewHarvestAt(file, env);
  const input = readFinderInput(contentPaths(), harvest.date, harvest.sources.length, env);
  return finderCatalogue(harvest, input.site, harvest.date, input.accessibilityChecks);
}

/**
 * What a finder publishes beside its pages: its harvest (`/harvest.json`, the listed records only) and what its page
 * needs to search inside every source's reports for the reviews it lists today (`/search-sources.json`).
 */
export async function writeFinderFiles(siteDir: string, harvest: Harvest, listed: readonly ReviewView[]): Promise<void> {
  await writeFile(path.join(siteDir, HARVEST_FILE), serialiseHarvest(publishedHarvest(harvest)));
  await writeFile(path.join(siteDir, SEARCH_SOURCES_FILE), JSON.stringify(finderSearchSources(harvest, listed)));
}
