/**
 * `npm run rollback`: make the previous build live again (`--out DIR`, default `_site`),
 * without anything whose removal date has come by today, and never as a build dated after
 * today (its data is rebuilt at today's date). Running it twice rolls forward. It publishes the live site, so it is
 * for today only: a BUILD_DATE other than today is refused, as by the nightly.
 */
import { parseArgs } from "node:util";
import { todayInLondon, todaysBuildDate } from "../src/rules/build-date.ts";
import { explainFailure } from "../src/model/failures.ts";
import { rollbackSite } from "../src/release/rollback.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: "_site" } } });
try {
  const today = todaysBuildDate(process.env, todayInLondon(), "npm run rollback");
  console.log(await rollbackSite({ root: process.cwd(), out: values.out, today, log: (line) => console.log(line) }));
} catch (error) {
  console.error(explainFailure(error, "The rollback failed; the published site was not changed."));
  process.exitCode = 1;
}
