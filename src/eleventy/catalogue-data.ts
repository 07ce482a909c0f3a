import { readBuildInput } from "../content/build-input.ts";
import { contentPaths } from "../content/paths.ts";
import { formatProblems } from "../model/problems.ts";
import { resolveBuildDate } from "../rules/build-date.ts";
import { buildCatalogue, type Catalogue } from "../catalogue/index.ts";
import { readTemplateDataFile, TEMPLATE_DATA_ENV, templateData, type TemplateData } from "../catalogue/template-data.ts";
import { PREVIEW_HARVEST_ENV, previewFinderCatalogue } from "./finder-preview.ts";

/**
 * The catalogue made here, in Eleventy's process, from the content at the build date: under
 * `npm start`, on every rebuild, once (a finder's from the harvest npm start read as it started, src/eleventy/finder-preview.ts).
 * Throws a DataError listing every problem.
 */
export async function catalogueFromContent(env: Record<string, string | undefined> = process.env): Promise<Catalogue> {
  const harvest = env[PREVIEW_HARVEST_ENV];
  if (harvest) return previewFinderCatalogue(harvest, env);
  const input = await readBuildInput(contentPaths(), resolveBuildDate(env));
  if (input.warnings.length) console.warn(`[reviews] ${formatProblems(input.warnings, "warning")}`);
  return buildCatalogue(input.reviews, input.site, input.buildDate, input.warnings, input.accessibilityChecks);
}

/**
 * What templates read, for one Eleventy build. In `npm run build` the build made the catalogue and
 * hands its templates' part over in a file (`TEMPLATE_DATA_ENV`), read here with its schema, so that
 * the catalogue is made once, at one date, from one reading of the data; without one, the part of
 * `made()`'s catalogue, so that templates see the same either way.
 */
export async function templateDataForBuild(made: () => Promise<Catalogue>, env: Record<string, string | undefined> = process.env): Promise<TemplateData> {
  const file = env[TEMPLATE_DATA_ENV];
  return file ? readTemplateDataFile(file) : templateData(await made());
}
