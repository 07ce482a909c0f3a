import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";
import { glob } from "tinyglobby";

/**
 * Each of the project's modules keeps its own `import.meta.dirname`, `filename` and `url` (in a bundle they would
 * all be the bundle's): the editor's page finds its browser script beside its module, the PDF reader its file.
 */
const ownImportMeta: Plugin = {
  name: "own-import-meta",
  setup(bundler) {
    bundler.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
      const own = { dirname: path.dirname(file), filename: file, url: pathToFileURL(file).href };
      const text = await readFile(file, "utf8");
      return { contents: text.replace(/\bimport\.meta\.(dirname|filename|url)\b/g, (_, key: keyof typeof own) => JSON.stringify(own[key])), loader: "ts" };
    });
  },
};

/**
 * Eleventy's process started from one JavaScript file: the project's config, the site's plugin, `src/` and the
 * TypeScript templates (`pages/*.11ty.ts`) bundled by esbuild, with the packages left to Node. Without it, the
 * process loads every module through tsx's hooks, which answer from a worker thread: about 0.7 s of CPU and
 * 40–60 MiB more for each build (docs/design.md, Performance). The templates reach Eleventy through the plugin's
 * `templates` option, so that it imports none of their files.
 */
export async function bundleEleventyConfig(root: string): Promise<{ file: string; remove: () => Promise<void> }> {
  const templates = (await glob("**/*.11ty.ts", { cwd: path.join(root, "pages") })).sort();
  const imports = templates.map((file, i) => `import * as template${i} from ${JSON.stringify(`./pages/${file}`)};`);
  const entry = [
    ...imports,
    'import learningReviews from "./src/eleventy/plugin.ts";',
    'export { config } from "./.eleventy.ts";',
    `const templates = { ${templates.map((file, i) => `${JSON.stringify(file)}: template${i}`).join(", ")} };`,
    "export default function (eleventyConfig) { eleventyConfig.addPlugin(learningReviews, { templates }); }",
  ].join("\n");
  // Inside the project's node_modules, so that Node finds the packages the bundle leaves out; one file a build.
  const folder = path.join(root, "node_modules", ".cache", "learning-reviews");
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `eleventy-config-${process.pid}-${Date.now().toString(36)}.mjs`);
  await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: "eleventy-entry.ts", loader: "ts" },
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: file,
    plugins: [ownImportMeta],
    logLevel: "silent",
  });
  return { file, remove: () => rm(file, { force: true }) };
}
