import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { publishSite } from "./publish-site.ts";
import { explainFailure } from "./failure-message.ts";
import { todayInLondon, todaysBuildDate } from "../rules/build-date.ts";
import { readableDate } from "../model/dates.ts";
import { buildAt } from "./publish.ts";
import { checkpoint } from "../build/fault.ts";
import { nightlyReport, type NightlyReport } from "../report/nightly-report.ts";
import { outputLayout } from "../model/output-layout.ts";
import { withdrawExpired } from "./failed-night.ts";
import { previousRecords } from "../report/previous-build.ts";
import { recordFullCheck } from "../checks/a11y-record.ts";

export interface NightlyOptions {
  /** The project folder (code and content); default the working folder. */
  root?: string;
  out: string;
  /** The previous build's `/reviews.json`, a path or an https address; default: the live output's own. */
  previous?: string;
  /** Run the accessibility check: "auto" runs it when a browser is installed. */
  a11y: "auto" | "always" | "never";
  /** Which pages it checks: one of each kind plus those changed since the live build (default), or all. */
  a11yScope?: "changed" | "all";
  log: (line: string) => void;
  /** The clock, read once for the whole job. */
  now?: () => Date;
  env?: Record<string, string | undefined>;
}

export function reportFile(out: string): string {
  return `${outputLayout(out).out}.report.json`;
}

/** Write the report beside (never inside) the published output, in one rename. */
export async function writeReport(out: string, report: NightlyReport): Promise<string> {
  const file = reportFile(out);
  await writeFile(`${file}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
  return file;
}

/**
 * The nightly job: validate, build into a fresh folder, check it (links,
 * removed reviews, search index, accessibility), and only then make it live in
 * one step. The build date is read once and used by every step and process.
 *
 * When anything fails, new content waits for a good night, but expired content
 * does not: every review whose removal date has come is still taken off the
 * live site the same night (src/release/failed-night.ts), and the report says so loudly.
 */
export async function runNightly(options: NightlyOptions): Promise<NightlyReport> {
  const env = options.env ?? process.env;
  const root = path.resolve(options.root ?? process.cwd());
  const layout = outputLayout(options.out);
  // Yesterday's report must never stand for tonight's: if this job dies, no report is better than a wrong one.
  await rm(reportFile(options.out), { force: true }).catch(() => {});
  // The clock is read once, and the nightly builds for it only (src/rules/build-date.ts): a missed night is caught up by
  // tonight's run, and a past or future day is looked at in a preview (npm run build -- --out _preview).
  const today = todayInLondon(options.now);
  try {
    // A wrong BUILD_DATE stops the build, but not the withdrawal of what has expired by the clock (below).
    todaysBuildDate(env, today, "the nightly job");
    const previous = await previousRecords(options.previous ?? path.join(layout.out, "reviews.json"), options.previous !== undefined);
    const warnings: string[] = [];
    if (previous.records === null && options.previous !== undefined)
      warnings.push(`The changes since the previous build could not be worked out: ${previous.reason}.`);
    // The live build, to tell which pages changed tonight (read before the new build replaces it).
    const current = await buildAt(layout.out);
    const live = current?.meta ? { siteDir: current.folder.site, buildDates: [current.meta.buildDate, readableDate(current.meta.buildDate)] } : undefined;
    const result = await publishSite({
      root,
      out: options.out,
      buildDate: today,
      log: options.log,
      today,
      checkSite: true,
      accessibility: { a11y: options.a11y, ...(options.a11yScope ? { a11yScope: options.a11yScope } : {}), ...(live ? { live } : {}), log: options.log },
    });
    warnings.push(...result.warnings);
    const { accessibility } = result;
    if (accessibility?.scope === "all") warnings.push(...(await recordFullCheck(options.out, today, today)));
    return {
      ...nightlyReport(result.catalogue, previous.records, warnings, previous.records === null ? previous.reason : undefined),
      ...(accessibility ? { accessibility } : {}),
    };
  } catch (error) {
    const failure = explainFailure(error).replace(/^The build failed; the published site was not changed\.\n/, "");
    options.log(`The new build failed; checking the live site for reviews whose removal date has come (${today}).`);
    const withdrawal = await withdrawExpired({ root, layout, today, log: options.log });
    return { buildDate: today, published: false, failure, withdrawal };
  }
}

/** Run the nightly job and write its report; a report that cannot be written is said on standard error. */
export async function runNightlyAndReport(options: NightlyOptions): Promise<{ report: NightlyReport; file?: string; writeError?: string }> {
  let report: NightlyReport;
  try {
    report = await runNightly(options);
  } catch (error) {
    report = { buildDate: "", published: false, failure: explainFailure(error) };
  }
  try {
    await checkpoint("report");
    return { report, file: await writeReport(options.out, report) };
  } catch (error) {
    return { report, writeError: `The report could not be written to ${reportFile(options.out)}: ${(error as Error).message}` };
  }
}
