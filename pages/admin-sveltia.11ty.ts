import { sveltiaWithLocalFonts } from "../src/cms/editor-bundle.ts";

/** `/admin/sveltia-cms.js`: Sveltia CMS's bundle from node_modules, its fonts served from /admin/fonts/ (src/cms/editor-bundle.ts). */
export const data = { permalink: "/admin/sveltia-cms.js", eleventyExcludeFromCollections: true };

export function render(): string {
  return sveltiaWithLocalFonts();
}
