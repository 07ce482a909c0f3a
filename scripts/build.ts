/**
 * `npm run build`: check the data, build the site into a new folder, and make it
 * the published output (`_site`, or `--out DIR`) only if everything succeeded.
 * A build dated before the live one is refused unless `--allow-earlier-date`; a build
 * dated after today (BUILD_DATE, SOURCE_DATE_EPOCH) lists reviews that are not public
 * yet, and is refused unless `--future-date` (for a preview: `--out _preview --future-date`).
 */
import { parseArgs } from "node:util";
import { resolveBuildDate } from "../src/rules/build-date.ts";
import { buildSite } from "../src/build/build-site.ts";
import { explainFailure } from "../src/release/failure-message.ts";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "_site" },
    "allow-earlier-date": { type: "boolean", default: false },
    "future-date": { type: "boolean", default: false },
  },
});
try {
  const started = Date.now();
  const result = await buildSite({
    out: values.out,
    buildDate: resolveBuildDate(process.env),
    allowEarlierDate: values["allow-earlier-date"],
    allowFutureDate: values["future-date"],
    log: (line) => console.warn(line),
  });
  const { catalogue } = result;
  console.log(
    `Built the site for ${catalogue.buildDate}: ${catalogue.listed.length} reviews listed, ${catalogue.removed.length} removed, in ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
      `Published to ${values.out}${result.previous ? ` (previous build kept as ${values.out}.previous)` : ""}.`,
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
