import type { Catalogue } from "../src/catalogue/index.ts";
import { openDataCsv } from "../src/catalogue/open-data.ts";

/** `/reviews.csv`: the listed reviews' public fields, safe to open in a spreadsheet (src/catalogue/open-data.ts). */
export const data = { permalink: "/reviews.csv", eleventyExcludeFromCollections: true };

export function render({ catalogue }: { catalogue: Catalogue }): string {
  return openDataCsv(catalogue);
}
