import { loadCatalogue, type Catalogue } from "../src/catalogue.ts";
import { formatProblems } from "../src/problems.ts";

/** The reviews as templates see them: validated, with the publication rules applied at the build date. */
export default function catalogue(): Catalogue {
  return loadCatalogue({
    onWarnings: (warnings) => {
      if (warnings.length) console.warn(`[reviews] ${formatProblems(warnings, "warning")}`);
    },
  });
}
