import type { TemplateData } from "../src/catalogue/template-data.ts";
import { openDataCsv } from "../src/catalogue/open-data.ts";

/** `/reviews.csv`: the listed reviews' public fields, safe to open in a spreadsheet (src/catalogue/open-data.ts). */
export const data = { permalink: "/reviews.csv", eleventyExcludeFromCollections: true };

export function render({ catalogue }: { catalogue: TemplateData }): string {
  return openDataCsv(catalogue);
}
