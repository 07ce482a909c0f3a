/** Sveltia CMS's browser bundle, served at /admin/sveltia-cms.js (no CDN). */
export const SVELTIA_BUNDLE = "node_modules/@sveltia/cms/dist/sveltia-cms.js";

/**
 * Files Eleventy copies as they are (source: place in the site), keeping their
 * modes, which the build then makes readable (src/build/build-site.ts): the
 * assets, and the editor at /admin/ (admin/index.html, the generated config.yml)
 * with Sveltia CMS's own bundle from node_modules: never templates, never in a
 * collection, the sitemap or the search index.
 */
export const PASSTHROUGH: Record<string, string> = {
  "pages/assets": "assets",
  "admin/index.html": "admin/index.html",
  "admin/config.yml": "admin/config.yml",
  [SVELTIA_BUNDLE]: "admin/sveltia-cms.js",
};
