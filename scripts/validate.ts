/**
 * `npm run validate`: check `_data/site.json`, `_data/reviews.json` and the
 * document files without building, and list every problem at once.
 */
import { buildCatalogue } from "../src/catalogue/index.ts";
import { readBuildInput } from "../src/content/build-input.ts";
import { contentPaths } from "../src/content/paths.ts";
import { DataError, dataProblemsText, formatProblems } from "../src/model/problems.ts";
import { explainFailure } from "../src/release/failure-message.ts";
import { resolveBuildDate } from "../src/rules/build-date.ts";

try {
  const input = await readBuildInput(contentPaths(), resolveBuildDate(process.env));
  const catalogue = buildCatalogue(input.reviews, input.site, input.buildDate, input.warnings);
  if (catalogue.warnings.length) console.warn(formatProblems(catalogue.warnings, "warning"));
  const noted = catalogue.warnings.length ? ` (${catalogue.warnings.length} ${catalogue.warnings.length === 1 ? "warning" : "warnings"} above)` : "";
  console.log(
    `The data is valid${noted}. As of ${catalogue.buildDate}: ${catalogue.listed.length} ${catalogue.listed.length === 1 ? "review" : "reviews"} would be listed, ${catalogue.removed.length} removed.`,
  );
} catch (error) {
  // It checks and builds nothing, so a data problem is not said as "the site was not built".
  console.error(error instanceof DataError ? dataProblemsText(error.problems, "check") : explainFailure(error, "The check could not be run."));
  process.exitCode = 1;
}
