/**
 * The editor's scripts as the site serves them at /admin/: Sveltia CMS's
 * bundle, with the fonts it would fetch from a CDN served from the site (src/eleventy/editor-fonts.ts)
 * instead, and the editor's own script (src/cms/browser/reviews-editor.ts)
 * bundled with the build's rules and validation, and _data/site.json's settings.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import type { EditorSettings } from "./editor-rules.ts";
import { FONTS } from "../eleventy/editor-fonts.ts";

/** Sveltia CMS's browser bundle, from the project's folder (Eleventy runs there). */
export const SVELTIA_BUNDLE = "node_modules/@sveltia/cms/dist/sveltia-cms.js";

/**
 * Sveltia CMS's bundle with its fonts served from the site. Fails when the bundle
 * no longer names a font where it did, or names another CDN address (a new version
 * of Sveltia CMS), rather than serve an editor that reaches out to a CDN.
 */
export function sveltiaWithLocalFonts(bundle = readFileSync(SVELTIA_BUNDLE, "utf8")): string {
  let out = bundle;
  for (const font of FONTS) {
    if (!out.match(font.cdn)) throw new Error(`${SVELTIA_BUNDLE} no longer loads ${font.to} from ${font.cdn.source}; update src/eleventy/editor-fonts.ts.`);
    out = out.replace(font.cdn, font.to);
  }
  const left = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/[^)'"\s]*/.exec(out);
  if (left) throw new Error(`${SVELTIA_BUNDLE} loads a font this site does not serve: ${left[0]}; add it to FONTS in src/eleventy/editor-fonts.ts.`);
  return out;
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

/**
 * zod re-exports every one of its ~50 locales (`z.locales`, `z.core.locales`), which a bundler cannot drop: about
 * 275 KB of the editor's script. The editor speaks English only (zod's English messages are imported apart, by
 * its schemas), so the locales' index is an empty module in the editor.
 */
const NO_ZOD_LOCALES = {
  name: "no-zod-locales",
  setup(plugin: import("esbuild").PluginBuild) {
    plugin.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: "zod-locales", namespace: "no-zod-locales" } : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: "no-zod-locales" }, () => ({ contents: "export {};", loader: "js" }));
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
    plugins: [NO_NODE_MODULES, NO_ZOD_LOCALES],
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
