import { readFile } from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { loadCatalogue } from "./src/catalogue/index.ts";
import { copyDocuments } from "./src/build/copy-documents.ts";
import { buildSearchIndex } from "./src/build/search-index.ts";
import { importTsData } from "./src/eleventy/data.ts";
import { parseJsonText } from "./src/content/json-source.ts";
import { contentPaths } from "./src/content/paths.ts";
import { openDataCsv, openDataJson } from "./src/catalogue/open-data.ts";
import pluginRss from "@11ty/eleventy-plugin-rss";
import { DataError } from "./src/content/problems.ts";

/** Wiring only: the rules, validation and wording live in src/. */
export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addDataExtension("ts", { read: false, parser: importTsData });
  // Eleventy's own JSON reader gives no line numbers; this one names the file, line and column.
  // The raw reviews are not handed to templates at all: they see only the catalogue, with the rules applied.
  eleventyConfig.addDataExtension("json", {
    read: false,
    parser: async (filePath: string) => {
      if (path.resolve(filePath) === contentPaths().reviewsFile) return null;
      const label = filePath.replace(/^\.\//, "");
      const { source, problems } = parseJsonText(await readFile(filePath, "utf8"), label);
      if (!source) throw new DataError(problems);
      return source.value;
    },
  });
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, trimBlocks: true, lstripBlocks: true });
  eleventyConfig.addPlugin(pluginRss);
  eleventyConfig.addFilter("openDataJson", openDataJson);
  eleventyConfig.addFilter("openDataCsv", openDataCsv);
  eleventyConfig.addPassthroughCopy({ "pages/assets": "assets" });
  eleventyConfig.addWatchTarget("reviews/");
  eleventyConfig.addWatchTarget("src/");
  // npm run build copies documents and indexes after Eleventy's process has ended (src/build-site.ts); npm start does it here.
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    if (runMode === "build") return;
    const catalogue = loadCatalogue();
    await copyDocuments(catalogue.documentFiles, process.cwd(), directories.output);
    await buildSearchIndex(directories.output, catalogue.listed.map((review) => review.url));
  });
}

export const config = {
  // No "output" here: a config value would override the folder the build script passes in.
  dir: { input: "pages", includes: "../_includes", data: "../_data" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
};
