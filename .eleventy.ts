import type UserConfig from "@11ty/eleventy/UserConfig";
import learningReviews from "./src/eleventy/plugin.ts";

/** Wiring only: the site's own plugin (src/eleventy/plugin.ts) does the rest. */
export default function (eleventyConfig: UserConfig) {
  eleventyConfig.addPlugin(learningReviews);
}

export const config = {
  // No "output" here: a config value would override the folder the build script passes in.
  dir: { input: "pages", includes: "../_includes", data: "../_data" },
  templateFormats: ["njk", "11ty.ts"],
  htmlTemplateEngine: "njk",
};
