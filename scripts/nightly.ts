/**
 * `npm run nightly`: what the scheduled job runs. Validate, build into a fresh
 * folder, check it, and only then replace the published output (default `_site`,
 * or `--out DIR`) in one step. Prints a short report and writes it as JSON to
 * `<out>.report.json`. Exits non-zero, with the live output untouched, on any failure.
 *
 *   --out DIR          the published output (a link to the live build)
 *   --previous P       the previous build's reviews.json, a path or https address, to report changes
 *   --a11y MODE        auto (default: run the accessibility check when a browser is installed), always, never
 */
import { parseArgs } from "node:util";
import { formatReport } from "../src/nightly-report.ts";
import { runNightly, writeReport } from "../src/nightly.ts";

const { values } = parseArgs({
  options: { out: { type: "string", default: "_site" }, previous: { type: "string" }, a11y: { type: "string", default: "auto" } },
});
if (!["auto", "always", "never"].includes(values.a11y)) {
  console.error(`--a11y must be auto, always or never, not "${values.a11y}".`);
  process.exit(2);
}
const report = await runNightly({
  out: values.out,
  ...(values.previous ? { previous: values.previous } : {}),
  a11y: values.a11y as "auto" | "always" | "never",
  log: (line) => console.log(line),
});
const file = await writeReport(values.out, report);
const text = formatReport(report);
if (report.published) console.log(`${text}\nReport written to ${file}.`);
else console.error(`${text}\nReport written to ${file}.`);
process.exitCode = report.published ? 0 : 1;
