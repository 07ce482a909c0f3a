/**
 * `npm run nightly`: what the scheduled job runs. Validate, build into a fresh
 * folder, check it, and only then replace the published output (default `_site`,
 * or `--out DIR`) in one step. Prints a short report and writes it as JSON to
 * `<out>.report.json`. On any failure it exits non-zero; the live site keeps its
 * content, less every review whose removal date has come, which is withdrawn anyway.
 * It builds for today only: a BUILD_DATE before or after today is refused (look at
 * another day in a preview instead: `BUILD_DATE=… npm run build -- --out _preview`).
 *
 *   --out DIR               the published output (a link to the live build)
 *   --previous P            the previous build's reviews.json, a path or https address, to report changes
 *   --previous-harvest P    a finder's previous harvest.json, a path or https address (default: the live build's own):
 *                           its sources' last good records, on a host with no live build (GitHub Pages: "$SITE_URL/harvest.json")
 *   --a11y MODE             auto (default: run the accessibility check when a browser is installed), always, never
 *   --a11y-scope S          changed (default: one page of each kind, and every page changed since the live build), or all
 *                           (a pass of every page is recorded in <out>.a11y-check.json, for the accessibility statement)
 */
import { parseArgs } from "node:util";
import { formatReport } from "../src/report/nightly-report.ts";
import { runNightlyAndReport } from "../src/release/nightly.ts";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: "_site" },
    previous: { type: "string" },
    "previous-harvest": { type: "string" },
    a11y: { type: "string", default: "auto" },
    "a11y-scope": { type: "string", default: "changed" },
  },
});
if (!["changed", "all"].includes(values["a11y-scope"])) {
  console.error(`--a11y-scope must be changed or all, not "${values["a11y-scope"]}".`);
  process.exit(2);
}
if (!["auto", "always", "never"].includes(values.a11y)) {
  console.error(`--a11y must be auto, always or never, not "${values.a11y}".`);
  process.exit(2);
}
const { report, file, writeError } = await runNightlyAndReport({
  out: values.out,
  ...(values.previous ? { previous: values.previous } : {}),
  ...(values["previous-harvest"] ? { previousHarvest: values["previous-harvest"] } : {}),
  a11y: values.a11y as "auto" | "always" | "never",
  a11yScope: values["a11y-scope"] as "changed" | "all",
  log: (line) => console.log(line),
});
const text = `${formatReport(report)}\n${file ? `Report written to ${file}.` : `REPORT NOT WRITTEN: ${writeError}`}`;
if (report.published && file) console.log(text);
else console.error(text);
process.exitCode = report.published && file ? 0 : 1;
