/**
 * `npm run fallback -- --code DIR --out DIR`: build the site with the code in DIR (a checkout of the commit last
 * deployed, or a build's kept `code/`) and that code's own data (its `_data/` and `reviews/`, or `--input FILE`, a
 * kept build-input.json) at today's date, and publish it to `--out` as any build is published. What the GitHub
 * Pages workflow runs when a night fails; on a plain host `npm run nightly` runs the same fallback by itself.
 * It publishes the live site, so it builds for today only: a BUILD_DATE other than today is refused, as by the nightly.
 */
import { parseArgs } from "node:util";
import path from "node:path";
import { runFallback } from "../src/release/fallback.ts";
import { todayInLondon, todaysBuildDate } from "../src/rules/build-date.ts";
import { explainFailure } from "../src/model/failures.ts";

const { values } = parseArgs({ options: { code: { type: "string" }, out: { type: "string", default: "_site" } } });
try {
  if (!values.code) throw new Error("Give the code to build with: npm run fallback -- --code DIR (a checkout of the commit last deployed).");
  const date = todaysBuildDate(process.env, todayInLondon(), "npm run fallback");
  await runFallback({ root: process.cwd(), code: path.resolve(values.code), out: values.out, date, log: (line) => console.log(line) });
  console.log(`The fallback published the site built with ${values.code} at ${date} to ${values.out}.`);
} catch (error) {
  console.error(explainFailure(error, "The fallback failed; reviews whose removal date has come may still be live. Fix the build now."));
  process.exitCode = 1;
}
