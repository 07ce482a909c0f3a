import { loadCatalogue, type Catalogue } from "../src/catalogue/index.ts";
import { formatProblems } from "../src/content/problems.ts";

/** The reviews as templates see them: validated, with the publication rules applied at the build date. */
export default function catalogue(): Catalogue {
  return loadCatalogue({
    onWarnings: (warnings) => {
      if (warnings.length) console.warn(`[reviews] ${formatProblems(warnings, "warning")}`);
    },
  });
}
