import { FONTS } from "./editor-fonts.ts";

/**
 * Files Eleventy copies as they are (source: place in the site), keeping their
 * modes, which the build then makes readable (src/build/build-site.ts): never
 * templates, never in a collection, the sitemap or the search index.
 */
/**
 * Scripts of pages/assets that only a finder's pages load (its search inside every source's reports): a
 * partnership's site does not ship them (test/build/shipped-scripts.test.ts); a finder's build adds them.
 */
export const FINDER_ASSETS: readonly string[] = ["source-search.js", "finder-source-search.js"];

export const SITE_PASSTHROUGH: Record<string, string> = {
  [`pages/assets/!(${FINDER_ASSETS.join("|")})`]: "assets",
  // The icons, at the site's root where browsers and iOS look for them: made from favicon.svg by tools/make-icons.ts.
  ...Object.fromEntries(
    ["favicon.ico", "favicon.svg", "favicon-16.png", "favicon-32.png", "apple-touch-icon.png"].map((name) => [`pages/icons/${name}`, name]),
  ),
};

/**
 * The editor's files that are copied as they are (source: place in the editor's folder): its page, the generated
 * config.yml, the script that starts it unless framed, its fonts. Its two scripts are made (pages/admin-*.11ty.ts,
 * src/cms/editor-bundle.ts). A site carries them at /admin/ only when it says so (src/cms/editor-build.ts).
 */
export const EDITOR_STATIC: Record<string, string> = {
  "admin/index.html": "index.html",
  "admin/config.yml": "config.yml",
  "admin/editor-boot.js": "editor-boot.js",
  ...Object.fromEntries(FONTS.map((font) => [font.from, font.to])),
};

/** The editor's copied files at /admin/ of a site that carries it. */
export const EDITOR_PASSTHROUGH: Record<string, string> = Object.fromEntries(Object.entries(EDITOR_STATIC).map(([from, to]) => [from, `admin/${to}`]));

/** Set to "1" by the build (src/build/build-site.ts) when the site carries the editor at /admin/. */
export const EDITOR_ENV = "LEARNING_REVIEWS_EDITOR";

/** Everything a build may copy as it is. */
export const PASSTHROUGH: Record<string, string> = { ...SITE_PASSTHROUGH, ...EDITOR_PASSTHROUGH };
