import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { runA11yCheck } from "./a11y-check.ts";
import { buildSite } from "./build-site.ts";
import { requireChromium } from "./chromium.ts";
import { explainFailure } from "./cli.ts";
import { resolveBuildDate } from "./build-date.ts";
import { formatProblem } from "./problems.ts";
import { nightlyReport, type NightlyReport } from "./nightly-report.ts";
import type { OpenDataRecord } from "./open-data.ts";
import { outputLayout } from "./publish.ts";
import { checkBuiltSite } from "./site-check.ts";

export interface NightlyOptions {
  out: string;
  /** The previous build's `/reviews.json`, a path or an https address; default: the live output's own. */
  previous?: string;
  /** Run the accessibility check: "auto" runs it when a browser is installed. */
  a11y: "auto" | "always" | "never";
  log: (line: string) => void;
}

/** The listed reviews of the previous build, or null when there is none to read. */
async function previousRecords(source: string): Promise<OpenDataRecord[] | null> {
  try {
    const text = /^https:\/\//.test(source) ? await (await fetch(source, { signal: AbortSignal.timeout(20_000) })).text() : await readFile(source, "utf8");
    const data = JSON.parse(text) as { reviews?: OpenDataRecord[] };
    return Array.isArray(data.reviews) ? data.reviews : null;
  } catch {
    return null;
  }
}

/** Write the report beside (never inside) the published output, in one rename. */
export async function writeReport(out: string, report: NightlyReport): Promise<string> {
  const file = `${outputLayout(out).out}.report.json`;
  await writeFile(`${file}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
  return file;
}

/**
 * The nightly job: validate, build into a fresh folder, check it (links,
 * removed reviews, accessibility), and only then make it live in one step.
 * Any failure leaves the live output as it was.
 */
export async function runNightly(options: NightlyOptions): Promise<NightlyReport> {
  const layout = outputLayout(options.out);
  const previous = await previousRecords(options.previous ?? path.join(layout.out, "reviews.json"));
  let buildDate = "";
  try {
    buildDate = resolveBuildDate(process.env);
    const warnings: string[] = [];
    const result = await buildSite({
      out: options.out,
      log: options.log,
      beforePublish: async (dir, catalogue) => {
        warnings.push(...catalogue.warnings.map(formatProblem));
        const problems = checkBuiltSite(dir, catalogue);
        if (problems.length) throw new Error(`the check of the new build found ${problems.length} ${problems.length === 1 ? "problem" : "problems"}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
        options.log(`Checked links and removed reviews: no problems.`);
        let runA11y = options.a11y !== "never";
        if (options.a11y === "auto") {
          try {
            requireChromium();
          } catch {
            runA11y = false;
            options.log("Accessibility check skipped: no browser installed (install chromium to run it).");
            warnings.push("The accessibility check was skipped: no browser was installed.");
          }
        }
        if (runA11y) {
          const { code, output } = await runA11yCheck({ siteDir: dir, stdio: "pipe" });
          if (code !== 0) throw new Error(`the accessibility check failed:\n${output.trim()}`);
          options.log(output.trim().split("\n").at(-1) ?? "Accessibility check passed.");
        }
      },
    });
    return nightlyReport(result.catalogue, previous, warnings);
  } catch (error) {
    return { buildDate, published: false, failure: explainFailure(error).replace(/^The build failed; the published site was not changed\.\n/, "") };
  }
}
