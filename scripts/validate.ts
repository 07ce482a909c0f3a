/**
 * `npm run validate`: check `_data/site.json`, `_data/reviews.json` and the
 * document files without building, and list every problem at once.
 */
import { loadCatalogue } from "../src/catalogue/index.ts";
import { explainFailure } from "../src/release/failure-message.ts";
import { formatProblems } from "../src/content/problems.ts";

try {
  const catalogue = loadCatalogue();
  if (catalogue.warnings.length) console.warn(formatProblems(catalogue.warnings, "warning"));
  const scheduled = catalogue.warnings.length ? ` (${catalogue.warnings.length} ${catalogue.warnings.length === 1 ? "warning" : "warnings"} above)` : "";
  console.log(
    `The data is valid${scheduled}. As of ${catalogue.buildDate}: ${catalogue.listed.length} reviews would be listed, ${catalogue.removed.length} removed.`,
  );
} catch (error) {
  console.error(explainFailure(error));
  process.exitCode = 1;
}
