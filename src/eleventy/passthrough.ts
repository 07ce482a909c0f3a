import { FONTS } from "../cms/fonts.ts";

/**
 * Files Eleventy copies as they are (source: place in the site), keeping their
 * modes, which the build then makes readable (src/build/build-site.ts): the
 * assets, and the editor at /admin/ (admin/index.html, the generated config.yml,
 * the editor's fonts; its scripts are pages/admin-*.11ty.ts): never templates,
 * never in a collection, the sitemap or the search index.
 */
export const PASSTHROUGH: Record<string, string> = {
  "pages/assets": "assets",
  "admin/index.html": "admin/index.html",
  "admin/config.yml": "admin/config.yml",
  ...Object.fromEntries(FONTS.map((font) => [font.from, `admin/${font.to}`])),
};
