/**
 * `npm run validate`: check `_data/site.json`, `_data/reviews.json` and the
 * document files without building, and list every problem at once.
 */
import { buildCatalogue } from "../src/catalogue/index.ts";
import { readBuildInput } from "../src/content/build-input.ts";
import { contentPaths } from "../src/content/paths.ts";
import { DataError, dataProblemsText, formatProblems } from "../src/model/problems.ts";
import { explainFailure } from "../src/model/failures.ts";
import { resolveBuildDate } from "../src/rules/build-date.ts";
import { finderSources, isFinder, readFinderInput } from "../src/sources/finder-setup.ts";
import { SOURCES_FILE } from "../src/sources/source-list.ts";

try {
  if (isFinder(process.cwd())) {
    // A finder: its sources.json, its site.json and an empty reviews.json; its sources' feeds are read when it is built.
    const sources = finderSources(process.cwd());
    readFinderInput(contentPaths(), resolveBuildDate(process.env), sources.length);
    console.log(
      `The finder's data is valid: ${sources.length} ${sources.length === 1 ? "source" : "sources"} listed in ${SOURCES_FILE}. Their feeds are read when it is built (npm run build), not by this check.`,
    );
    process.exit(0);
  }
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
