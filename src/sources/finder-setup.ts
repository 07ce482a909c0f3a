import { existsSync } from "node:fs";
import path from "node:path";
import { readSiteFile, type BuildInput } from "../content/build-input.ts";
import { parseJsonText, readTextFile } from "../content/json-source.ts";
import { REVIEWS_FILE, type ContentPaths } from "../content/paths.ts";
import type { IsoDate } from "../model/dates.ts";
import { DataError } from "../model/problems.ts";
import { readSources, SOURCES_FILE, type Source } from "./source-list.ts";

/**
 * A finder's own files (issue 23, part 2): a project whose `_data/sources.json` exists is a finder across
 * the sources it lists. Its `site.json` is the region's (the same settings as a partnership's, bar `areas`,
 * which a finder does not need), and its `_data/reviews.json` must be `[]`: a finder lists other sites'
 * reviews, never its own.
 */

export const sourcesFile = (root: string) => path.join(root, ...SOURCES_FILE.split("/"));

/** Whether the project at `root` is a finder. */
export const isFinder = (root: string) => existsSync(sourcesFile(root));

/** The sources the finder at `root` lists; a DataError naming each source and field that is wrong. */
export function finderSources(root: string): Source[] {
  const text = readTextFile(sourcesFile(root), SOURCES_FILE);
  const parsed = text.text === undefined ? { problems: text.problems } : parseJsonText(text.text, SOURCES_FILE);
  if (!parsed.source) throw new DataError(parsed.problems);
  const { sources, problems } = readSources(parsed.source.value);
  if (problems.length) throw new DataError(problems);
  if (sources.length === 0)
    throw new DataError([
      { file: SOURCES_FILE, message: "it lists no sources; list at least one { id, name, feed }, or delete the file to build a partnership's own site." },
    ]);
  return sources;
}

/** The finder's settings and (empty) reviews at `buildDate`, as a build input; a DataError naming the file and field. */
export function readFinderInput(
  paths: ContentPaths,
  buildDate: IsoDate,
  sourceCount: number,
  env: Record<string, string | undefined> = process.env,
): BuildInput {
  // A finder has no areas of its own: its partnerships are its sources.
  const site = readSiteFile(paths, env, (value) => {
    if (value && typeof value === "object" && !Array.isArray(value) && !("areas" in value)) (value as Record<string, unknown>).areas = {};
  });
  const reviewsText = existsSync(paths.reviewsFile) ? readTextFile(paths.reviewsFile, REVIEWS_FILE) : { text: "[]", problems: [] };
  const reviews = reviewsText.text === undefined ? { problems: reviewsText.problems } : parseJsonText(reviewsText.text, REVIEWS_FILE);
  if (!reviews.source) throw new DataError(reviews.problems);
  const list = reviews.source.value;
  if (!Array.isArray(list) || list.length > 0) {
    const held = Array.isArray(list) ? `it lists ${list.length} ${list.length === 1 ? "review" : "reviews"}` : "it is not an empty list";
    throw new DataError([
      {
        file: REVIEWS_FILE,
        message: `this site is a finder (${SOURCES_FILE} lists ${sourceCount} ${sourceCount === 1 ? "source" : "sources"}): a finder lists other sites' reviews, so its own reviews.json must be [] (an empty list), but ${held}. Publish these reviews on a partnership's own site and list its feed in ${SOURCES_FILE}, or delete ${SOURCES_FILE} to build a partnership's site.`,
      },
    ]);
  }
  return { buildDate, contentRoot: paths.root, site, reviews: [], warnings: [] };
}
