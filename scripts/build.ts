/**
 * `npm run build`: check the data, build the site into a new folder, and make it
 * the published output (`_site`, or `--out DIR`) only if everything succeeded.
 * A build dated before the live one is refused (it would bring back what the live site removed); a build
 * dated after today (BUILD_DATE, SOURCE_DATE_EPOCH) lists reviews that are not public yet, and is refused
 * unless `--future-date`. A build for another day than today is a preview, said so, for a folder that is
 * not served (`BUILD_DATE=… npm run build -- --out _preview`): the live site is built for today.
 *
 *   --input FILE   build from a kept build's data (its `input/build-input.json`) instead of `_data/`
 *   --check        check links, removed reviews and the search index before going live (as the nightly does)
 */
import { parseArgs } from "node:util";
import { resolveBuildDate, todayInLondon } from "../src/rules/build-date.ts";
import path from "node:path";
import { readKeptInput } from "../src/content/kept-input.ts";
import { keptHarvest } from "../src/build/finder-build.ts";
import { explainFailure } from "../src/model/failures.ts";
import { publishSite } from "../src/release/publish-site.ts";

const options = {
  out: { type: "string", default: "_site" },
  input: { type: "string" },
  check: { type: "boolean", default: false },
  "future-date": { type: "boolean", default: false },
} as const;
try {
  const { values } = parseArgs({ options });
  const started = Date.now();
  const today = todayInLondon();
  const result = await publishSite({
    out: values.out,
    buildDate: resolveBuildDate(process.env),
    // A finder's kept harvest is beside its kept input (input/harvest.json): a rebuild lists what it listed, at this date's rules.
    ...(values.input ? { input: await readKeptInput(values.input, "the build being rebuilt"), harvest: await keptHarvest(path.dirname(values.input)) } : {}),
    checkSite: values.check,
    allowFutureDate: values["future-date"],
    today,
    log: (line) => console.warn(line),
  });
  const { catalogue } = result;
  // Each warning once (the data's, then any after the new build went live), before the summary.
  for (const warning of result.warnings) console.warn(`Warning: ${warning}`);
  console.log(
    `Built the site for ${catalogue.buildDate}: ${catalogue.listed.length} reviews listed, ${catalogue.removed.length} removed, in ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
      `Published to ${values.out}${result.previous ? ` (previous build kept as ${values.out}.previous)` : ""}.`,
  );
  if (catalogue.buildDate !== today)
    console.log(
      `PREVIEW: this is the site as it ${catalogue.buildDate > today ? "will be" : "was"} on ${catalogue.buildDate}, not today (${today}). Keep ${values.out} to yourself: never serve it. The live site is built for today (npm run nightly, or npm run build without BUILD_DATE).`,
    );
  // A site that used to carry the editor at /admin/ learns where it went.
  if (catalogue.site.cms && !catalogue.site.cms.withPublicSite) {
    console.log(
      "The editor is not in the public site: build it apart with `npm run build:editor` and serve it from an origin of its own (docs/deploying.md: Where to serve the editor).",
    );
  }
} catch (error) {
  console.error(explainFailure(error));
  process.exitCode = 1;
}
