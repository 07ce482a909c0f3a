/**
 * `npm run test:a11y`: build this repository's site (its own data, whatever the
 * partnership) into a temporary folder, or take `--site DIR` (built for the path
 * `--prefix`, default /), and run pa11y-ci over every page it wrote, at 320 and
 * 1280 pixels wide. Writes pa11y-ci's JSON report to `--json` (test-results/pa11y.json).
 *
 *   --record   with --site the published output (e.g. _site): when every page passes, record
 *              it beside the output, so the next build's accessibility statement says when
 *              every page was last checked (src/checks/a11y-record.ts)
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { runA11yCheck } from "../src/checks/a11y-check.ts";
import { fullCheckFile, recordFullCheck } from "../src/checks/a11y-record.ts";
import { resolveBuildDate } from "../src/rules/build-date.ts";
import { pathPrefix } from "../src/catalogue/addresses.ts";
import { publishSite } from "../src/release/publish-site.ts";
import { explainFailure } from "../src/model/failures.ts";
import { buildAt } from "../src/release/publish.ts";

const { values } = parseArgs({
  options: {
    site: { type: "string" },
    prefix: { type: "string", default: "/" },
    json: { type: "string", default: "test-results/pa11y.json" },
    record: { type: "boolean", default: false },
  },
});
let temporary: string | undefined;
let prefix = values.prefix;
try {
  let siteDir = values.site;
  // What --record vouches for: the build the published output points at when the check starts, checked in its own folder.
  const live = values.record && siteDir ? await buildAt(path.resolve(siteDir)) : undefined;
  if (values.record && !live?.meta) {
    console.error(
      `--record needs --site to be the published output of this site (such as _site, a link to a build made by npm run build or npm run nightly)${siteDir ? `; ${siteDir} is not` : ""}. Nothing was checked or recorded.`,
    );
    process.exit(2);
  }
  if (live) siteDir = live.folder.site;
  if (!siteDir) {
    temporary = mkdtempSync(path.join(tmpdir(), "lr-a11y-"));
    siteDir = path.join(temporary, "_site");
    const { catalogue } = await publishSite({ out: siteDir, buildDate: resolveBuildDate(process.env) });
    prefix = pathPrefix(catalogue.site.url);
  }
  mkdirSync(path.dirname(values.json), { recursive: true });
  const { code } = await runA11yCheck({ siteDir, prefix, jsonReport: values.json });
  if (code !== 0) console.error("The accessibility check failed: see the pages and issues listed above.");
  else if (live?.meta && values.site) {
    const now = await buildAt(path.resolve(values.site));
    if (now?.folder.dir !== live.folder.dir) {
      console.error(`${values.site} was replaced by another build during the check, so the check was not recorded; run it again.`);
      process.exitCode = 1;
    } else {
      const problems = await recordFullCheck(values.site, resolveBuildDate({}), live.meta.buildDate);
      for (const problem of problems) console.error(problem);
      if (problems.length === 0) console.log(`Recorded in ${fullCheckFile(values.site)}: the next build's accessibility statement will say so.`);
      process.exitCode = problems.length ? 1 : 0;
    }
  }
  process.exitCode ||= code;
} catch (error) {
  console.error(explainFailure(error));
  process.exitCode = 1;
} finally {
  if (temporary) rmSync(temporary, { recursive: true, force: true });
}
