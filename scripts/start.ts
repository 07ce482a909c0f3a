/**
 * `npm start [-- --port=N]`: the preview, Eleventy's dev server with live reload, written to `_preview/`
 * (src/eleventy/plugin.ts binds it to 127.0.0.1). As Eleventy's own command, except that when the first build
 * fails on the data it does not stop: it serves the page that says what is wrong
 * (src/eleventy/preview-failure.ts) and builds again when a file of `_data/` or `reviews/` changes.
 * In a finder's project (`_data/sources.json`) it first reads every source's feed once, as the build does, and
 * says how many it read and which it could not; a source that cannot be read does not stop the preview.
 */
import { existsSync, watch } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { harvestSummary, previewHarvest } from "../src/build/finder-build.ts";
import { PREVIEW_HARVEST_ENV } from "../src/eleventy/finder-preview.ts";
import { DataError } from "../src/model/problems.ts";
import { resolveBuildDate } from "../src/rules/build-date.ts";
import { isFinder } from "../src/sources/finder-setup.ts";

const { values } = parseArgs({ options: { port: { type: "string" } } });
// Eleventy's default (8080) unless --port says otherwise; taken by another program, it tries the next ones.
const port = values.port === undefined ? 0 : Number(values.port);

/** Resolves at the next change to a file of the data or the documents. */
const nextChange = () =>
  new Promise<void>((resolve) => {
    const watchers = ["_data", "reviews"]
      .filter((dir) => existsSync(dir))
      .map((dir) =>
        watch(dir, { recursive: true }, () => {
          for (const w of watchers) w.close();
          resolve();
        }),
      );
  });

if (isFinder(process.cwd())) {
  // Outside the preview's output, and overwritten at each start (.cache/ is not committed).
  const harvestFile = path.resolve(".cache", "preview", "harvest.json");
  console.log("[reviews] This is a finder: reading its sources' feeds (_data/sources.json) once for the preview…");
  try {
    const harvest = await previewHarvest(process.cwd(), harvestFile, resolveBuildDate(process.env));
    for (const line of harvestSummary(harvest)) console.log(`[reviews] ${line}`);
  } catch (error) {
    if (!hasDataError(error)) throw error;
    console.error(`[reviews] ${(error as Error).message}\n[reviews] Fix _data/sources.json, then run npm start again.`);
    process.exit(1);
  }
  process.env[PREVIEW_HARVEST_ENV] = harvestFile;
}

const eleventy = new Eleventy(undefined, "_preview", { source: "cli", configPath: ".eleventy.ts", runMode: "serve" });
await eleventy.init();
// Serving first: while the data is wrong, the preview's pages say so.
eleventy.serve(port);
for (;;) {
  try {
    await eleventy.watch();
    break;
  } catch (error) {
    // Eleventy has printed it; any error but one in the data stops npm start, as it always did.
    if (!hasDataError(error)) throw error;
    console.error("[reviews] Waiting for the data to be fixed: npm start builds again when a file of _data/ or reviews/ changes.");
    await nextChange();
    // As Eleventy does before each rebuild: its caches (the global data among them) are emptied.
    await eleventy.restart();
    await eleventy.init();
  }
}
process.on("SIGINT", async () => {
  await eleventy.stopWatch();
  process.exitCode = 0;
});

/** Whether a DataError is anywhere in the chain Eleventy wraps its errors in (`originalError`, `cause`). */
function hasDataError(error: unknown): boolean {
  for (let at: unknown = error, depth = 0; at && depth < 10; depth++) {
    if (at instanceof DataError || (at as { name?: string }).name === "DataError") return true;
    at = (at as { originalError?: unknown; cause?: unknown }).originalError ?? (at as { cause?: unknown }).cause;
  }
  return false;
}
