/**
 * `npm start [-- --port=N]`: the preview, Eleventy's dev server with live reload, written to `_preview/`
 * (src/eleventy/plugin.ts binds it to 127.0.0.1). As Eleventy's own command, except that when the first build
 * fails on the data it does not stop: it serves the page that says what is wrong
 * (src/eleventy/preview-failure.ts) and builds again when a file of `_data/` or `reviews/` changes.
 */
import { watch } from "node:fs";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { DataError } from "../src/model/problems.ts";

const { values } = parseArgs({ options: { port: { type: "string" } } });
// Eleventy's default (8080) unless --port says otherwise; taken by another program, it tries the next ones.
const port = values.port === undefined ? 0 : Number(values.port);

/** Resolves at the next change to a file of the data or the documents. */
const nextChange = () =>
  new Promise<void>((resolve) => {
    const watchers = ["_data", "reviews"].map((dir) =>
      watch(dir, { recursive: true }, () => {
        for (const w of watchers) w.close();
        resolve();
      }),
    );
  });

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
