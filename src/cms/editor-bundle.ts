/**
 * The editor's scripts as the site serves them at /admin/: Sveltia CMS's
 * bundle, with the icon font it would fetch from a CDN served from the site
 * instead, and the editor's own script (src/cms/browser/reviews-editor.ts)
 * bundled with the build's rules and validation, and _data/site.json's settings.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import type { EditorSettings } from "./editor-rules.ts";

/** Sveltia CMS's browser bundle, from the project's folder (Eleventy runs there). */
export const SVELTIA_BUNDLE = "node_modules/@sveltia/cms/dist/sveltia-cms.js";

/** The Material Symbols icon font (Fontsource's package of Google's font, Apache 2.0), served at /admin/fonts/. */
export const ICON_FONT = "node_modules/@fontsource-variable/material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2";
export const ICON_FONT_URL = "fonts/material-symbols-outlined.woff2";

/** Where Sveltia CMS loads the icon font from, e.g. https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2. */
const ICON_FONT_CDN = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/material-symbols-outlined[^)'"\s]*\.woff2/g;

/**
 * Sveltia CMS's bundle with its icon font served from the site: without it the
 * editor shows icon names ("expand_more") as text, and screen readers may read them.
 * Fails when the bundle no longer names the font where it did (a new version of Sveltia CMS).
 */
export function sveltiaWithLocalFont(bundle = readFileSync(SVELTIA_BUNDLE, "utf8")): string {
  const found = bundle.match(ICON_FONT_CDN)?.length ?? 0;
  if (found === 0) throw new Error(`${SVELTIA_BUNDLE} no longer loads its icon font from ${ICON_FONT_CDN.source}; update src/cms/editor-bundle.ts.`);
  return bundle.replace(ICON_FONT_CDN, ICON_FONT_URL);
}

/** Node's modules, which the validation imports for reading files; the editor never reads files, so any use of them is an error. */
const NO_NODE_MODULES = {
  name: "no-node-modules",
  setup(plugin: import("esbuild").PluginBuild) {
    plugin.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: "no-node" }));
    plugin.onLoad({ filter: /.*/, namespace: "no-node" }, (args) => ({
      contents: `const fail = () => { throw new Error("${args.path} is not available in the editor"); };
        export default new Proxy({}, { get: () => fail }); export const readFileSync = fail, readdirSync = fail, lstatSync = fail, realpathSync = fail;`,
      loader: "js",
    }));
  },
};

/** /admin/reviews-editor.js for a site with these settings. */
export async function reviewsEditorScript(settings: EditorSettings): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, "browser", "reviews-editor.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    define: { EDITOR_SETTINGS: JSON.stringify(settings) },
    plugins: [NO_NODE_MODULES],
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
