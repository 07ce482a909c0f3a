/**
 * `npm run test:a11y`: build this repository's site (its own data, whatever the
 * partnership) into a temporary folder, or take `--site DIR` (built for the path
 * `--prefix`, default /), and run pa11y-ci over every page it wrote, at 320 and
 * 1280 pixels wide. Writes pa11y-ci's JSON report to `--json` (test-results/pa11y.json).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { runA11yCheck } from "../src/checks/a11y-check.ts";
import { resolveBuildDate } from "../src/rules/build-date.ts";
import { pathPrefix } from "../src/catalogue/addresses.ts";
import { buildSite } from "../src/build/build-site.ts";
import { explainFailure } from "../src/release/failure-message.ts";

const { values } = parseArgs({
  options: { site: { type: "string" }, prefix: { type: "string", default: "/" }, json: { type: "string", default: "test-results/pa11y.json" } },
});
let temporary: string | undefined;
let prefix = values.prefix;
try {
  let siteDir = values.site;
  if (!siteDir) {
    temporary = mkdtempSync(path.join(tmpdir(), "lr-a11y-"));
    siteDir = path.join(temporary, "_site");
    const { catalogue } = await buildSite({ out: siteDir, buildDate: resolveBuildDate(process.env) });
    prefix = pathPrefix(catalogue.site.url);
  }
  mkdirSync(path.dirname(values.json), { recursive: true });
  const { code } = await runA11yCheck({ siteDir, prefix, jsonReport: values.json });
  if (code !== 0) console.error("The accessibility check failed: see the pages and issues listed above.");
  process.exitCode = code;
} catch (error) {
  console.error(explainFailure(error));
  process.exitCode = 1;
} finally {
  if (temporary) rmSync(temporary, { recursive: true, force: true });
}
