import type UserConfig from "@11ty/eleventy/UserConfig";
import pluginRss from "@11ty/eleventy-plugin-rss";
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, finderConnectOrigins } from "./csp.ts";
import { filters } from "./filters/index.ts";
import { copyDocuments } from "./copy-documents.ts";
import { writeCitationFiles } from "./citation-files.ts";
import { buildSearchIndex, searchContent } from "./search-index.ts";
import type { Catalogue } from "../catalogue/index.ts";
import { FEED_VERSION } from "../model/review-feed.ts";
import type { TemplateData } from "../catalogue/template-data.ts";
import { catalogueFromContent, templateDataForBuild } from "./catalogue-data.ts";
import { EDITOR_ENV, EDITOR_PASSTHROUGH, FINDER_ASSETS, SITE_PASSTHROUGH } from "./passthrough.ts";
import { bindDevServer, previewHost } from "./dev-server-host.ts";
import { previewFailure } from "./preview-failure.ts";
import { readFileSync } from "node:fs";
import { parseHarvest } from "../sources/harvest-file.ts";
import { finderHarvestFile, previewHarvestAt, writeFinderFiles } from "./finder-preview.ts";

export interface PluginOptions {
  /**
   * The TypeScript templates (`pages/*.11ty.ts`) already imported, by their path in `pages/`: Eleventy's process
   * started from one JavaScript bundle (src/build/eleventy-bundle.ts) reads them from here, not from the files,
   * so that it needs no TypeScript loader. Without it, Eleventy imports the files (under tsx).
   */
  templates?: Record<string, object>;
}

/** The review page, which a finder does not make. */
const REVIEW_TEMPLATE = "review.11ty.ts";

/** The editor's own pages, left out of a build that does not carry the editor. */
const EDITOR_TEMPLATES = /^admin-.*\.11ty\.ts$/;

/**
 * The site's own Eleventy plugin. It hands templates one global, `catalogue`
 * (what templates read of the catalogue: the reviews with the publication rules
 * applied, made once per build, src/eleventy/catalogue-data.ts), and
 * nothing of the raw data files; it adds the feed plugin's filters, TypeScript
 * templates (`.11ty.ts`), the assets, and, under `npm start`, the documents, the
 * citation files and the search index after each build (`npm run build` does those itself).
 */
export default function learningReviews(eleventyConfig: UserConfig, options: PluginOptions = {}): void {
  // `npm start`: the preview listens on 127.0.0.1 only (PREVIEW_HOST to open it up); Eleventy sets the mode before loading the config.
  const serving = process.env.ELEVENTY_RUN_MODE === "serve";
  if (serving) bindDevServer(previewHost(process.env));
  // `npm start`: while a rebuild fails, every page of the preview says why (src/eleventy/preview-failure.ts).
  const failure = previewFailure();
  if (serving) eleventyConfig.setServerOptions({ middleware: [failure.middleware] });
  let catalogue: Promise<Catalogue> | undefined;
  let forTemplates: Promise<TemplateData> | undefined;
  eleventyConfig.on("eleventy.before", () => {
    catalogue = undefined;
    forTemplates = undefined;
  });
  const current = () => (catalogue ??= catalogueFromContent());
  const made = () =>
    templateDataForBuild(current).catch((error: unknown) => {
      failure.failed(error);
      throw error;
    });
  eleventyConfig.addGlobalData("catalogue", () => (forTemplates ??= made()));
  // The review feed's format version, which /open-data/ states.
  eleventyConfig.addGlobalData("feedVersion", FEED_VERSION);
  // Templates never see _data/*.json: the catalogue is made from them, checked, with the rules applied.
  eleventyConfig.addDataExtension("json", { read: false, parser: () => null });

  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats("11ty.ts");
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, trimBlocks: true, lstripBlocks: true });
  eleventyConfig.addPlugin(pluginRss);
  for (const [name, filter] of Object.entries(filters)) eleventyConfig.addFilter(name, filter);
  // The site may live under a path of its own domain (the path of `url` in site.json, handed to Eleventy as
  // --pathprefix by the build): Eleventy's HTML <base> plugin, which the feed plugin adds, then prefixes every
  // root-relative address in every page.
  eleventyConfig.addPassthroughCopy(SITE_PASSTHROUGH);
  // The editor at /admin/: in `npm start`'s preview (on 127.0.0.1), and in a build only when the build asks
  // (site.json's cms.withPublicSite); otherwise it is built apart, for an origin of its own (npm run build:editor).
  const withEditor = process.env.ELEVENTY_RUN_MODE !== "build" || process.env[EDITOR_ENV] === "1";
  if (withEditor) eleventyConfig.addPassthroughCopy(EDITOR_PASSTHROUGH);
  else eleventyConfig.ignores.add("pages/admin-*.11ty.ts");
  // A finder (its build's input holds its harvest, src/build/finder-build.ts; npm start's, src/eleventy/finder-preview.ts) makes no review
  // pages: its entries link to the partnerships' own. Its pages may read its sources' search indexes (connect-src), and it ships the
  // scripts that search inside their reports.
  const harvestFile = finderHarvestFile(process.env);
  const finder = harvestFile !== null;
  if (finder) {
    eleventyConfig.ignores.add(`pages/${REVIEW_TEMPLATE}`);
    const { sources } = parseHarvest(readFileSync(harvestFile, "utf8"), harvestFile);
    eleventyConfig.addGlobalData("csp", contentSecurityPolicy(finderConnectOrigins(sources.map((report) => report.source))));
    eleventyConfig.addPassthroughCopy(Object.fromEntries(FINDER_ASSETS.map((name) => [`pages/assets/${name}`, `assets/${name}`])));
  } else {
    eleventyConfig.ignores.add("pages/sources.njk");
    eleventyConfig.addGlobalData("csp", CONTENT_SECURITY_POLICY);
  }
  if (options.templates) {
    eleventyConfig.ignores.add("pages/**/*.11ty.ts");
    for (const [file, template] of Object.entries(options.templates))
      if ((withEditor || !EDITOR_TEMPLATES.test(file)) && !(finder && file === REVIEW_TEMPLATE)) eleventyConfig.addTemplate(file, template);
  }
  eleventyConfig.addWatchTarget("reviews/");
  eleventyConfig.addWatchTarget("src/");

  eleventyConfig.on("eleventy.after", async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    if (runMode === "build") return;
    failure.rebuilt();
    const built = await current();
    await copyDocuments(built.documentFiles, process.cwd(), directories.output);
    // A finder's reviews are cited on their partnerships' own pages; it publishes its harvest and the list its search reads instead.
    if (harvestFile) await writeFinderFiles(directories.output, previewHarvestAt(harvestFile), built.listed);
    else await writeCitationFiles(built.listed, directories.output);
    await buildSearchIndex(directories.output, searchContent(built));
  });
}
