import type { TemplateData } from "../src/catalogue/template-data.ts";
import { openDataJson } from "../src/catalogue/open-data.ts";

/** `/reviews.json`: the listed reviews' public fields (src/catalogue/open-data.ts). */
export const data = { permalink: "/reviews.json", eleventyExcludeFromCollections: true };

export function render({ catalogue }: { catalogue: TemplateData }): string {
  return openDataJson(catalogue);
}
