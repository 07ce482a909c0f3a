import type { TemplateData } from "../src/catalogue/template-data.ts";
import { reviewsEditorScript } from "../src/cms/editor-bundle.ts";

/** `/admin/reviews-editor.js`: the editor's own script, with this site's areas and retention period (src/cms/browser/reviews-editor.ts). */
export const data = { permalink: "/admin/reviews-editor.js", eleventyExcludeFromCollections: true };

export function render({ catalogue }: { catalogue: TemplateData }): Promise<string> {
  return reviewsEditorScript({ retentionMonths: catalogue.site.retentionMonths, areaKeys: Object.keys(catalogue.site.areas) });
}
