import type { Catalogue } from "../src/catalogue/index.ts";
import { openDataJson } from "../src/catalogue/open-data.ts";

/** `/reviews.json`: the listed reviews' public fields (src/catalogue/open-data.ts). */
export const data = { permalink: "/reviews.json", eleventyExcludeFromCollections: true };

export function render({ catalogue }: { catalogue: Catalogue }): string {
  return openDataJson(catalogue);
}
