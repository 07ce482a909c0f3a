import { INPUT_ENV, readBuildInput, readBuildInputFile } from "../content/build-input.ts";
import { contentPaths } from "../content/paths.ts";
import { formatProblems } from "../model/problems.ts";
import { resolveBuildDate } from "../rules/build-date.ts";
import { buildCatalogue, type Catalogue } from "../catalogue/index.ts";

/**
 * The catalogue for one Eleventy build. In `npm run build` the build script
 * hands Eleventy's process the data it validated, with its build date, in a
 * file (`LEARNING_REVIEWS_INPUT`), so both use one date and one reading of the
 * data; under `npm start` the content is read, checked and published at the
 * build date on every rebuild. Throws a DataError listing every problem.
 */
export async function catalogueForBuild(env: Record<string, string | undefined> = process.env): Promise<Catalogue> {
  const inputFile = env[INPUT_ENV];
  const input = inputFile ? readBuildInputFile(inputFile) : await readBuildInput(contentPaths(), resolveBuildDate(env));
  if (!inputFile && input.warnings.length) console.warn(`[reviews] ${formatProblems(input.warnings, "warning")}`);
  return buildCatalogue(input.reviews, input.site, input.buildDate, input.warnings, input.accessibilityChecks);
}
