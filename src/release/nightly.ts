import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { writeMeta, type BuildFolder, type BuildMeta } from "../build/build-record.ts";
import { checkpoint } from "../build/fault.ts";
import { recordFullCheck } from "../checks/a11y-record.ts";
import { readableDate, type IsoDate } from "../model/dates.ts";
import { outputLayout, type OutputLayout } from "../model/output-layout.ts";
import { nightlyReport, type NightlyReport, type Withdrawal } from "../report/nightly-report.ts";
import { previousRecords } from "../report/previous-build.ts";
import { todayInLondon, todaysBuildDate } from "../rules/build-date.ts";
import { expiredBy, isAfterToday, madeAfterToday } from "../rules/release-dates.ts";
import { lock, type OutputLock } from "../lock/lock.ts";
import { explainFailure } from "../model/failures.ts";
import { runFallback } from "./fallback.ts";
import { buildAt, kind } from "./publish.ts";
import { publishSite } from "./publish-site.ts";

export interface NightlyOptions {
  /** The project folder (code and content); default the working folder. */
  root?: string;
  out: string;
  /** The previous build's `/reviews.json`, a path or an https address; default: the live output's own. */
  previous?: string;
  /** A finder's previous harvest (`harvest.json`), a path or an https address; default: the live build's own. */
  previousHarvest?: string;
  /** Run the accessibility check: "auto" runs it when a browser is installed. */
  a11y: "auto" | "always" | "never";
  /** Which pages it checks: one of each kind plus those changed since the live build (default), or all. */
  a11yScope?: "changed" | "all";
  log: (line: string) => void;
  /** The clock, read once for the whole job. */
  now?: () => Date;
  env?: Record<string, string | undefined>;
}

/**
 * The nightly job: validate, build into a fresh folder, check it (links, removed reviews, search index,
 * accessibility), and only then make it live in one step (publishSite). The build date is read once and used by
 * every step and process. When anything fails, new content waits for a good night, but expired content does not:
 * every review whose removal date has come is still taken off the live site the same night (withdrawExpired).
 */
export async function runNightly(options: NightlyOptions): Promise<NightlyReport> {
  const env = options.env ?? process.env;
  const root = path.resolve(options.root ?? process.cwd());
  const layout = outputLayout(options.out);
  // Yesterday's report must never stand for tonight's: if this job dies, no report is better than a wrong one.
  await rm(`${layout.out}.report.json`, { force: true }).catch(() => {});
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
      ...(options.previousHarvest ? { previousHarvest: options.previousHarvest } : {}),
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
    options.log(`The new build failed; checking the live site for reviews whose removal date has come (${today}).`);
    const withdrawal = await withdrawExpired({ root, layout, today, log: options.log });
    return { buildDate: today, published: false, failure: explainFailure(error, ""), withdrawal };
  }
}

/** Run the nightly job and write its report beside (never inside) the published output, in one rename. */
export async function runNightlyAndReport(options: NightlyOptions): Promise<{ report: NightlyReport; file?: string; writeError?: string }> {
  const file = `${outputLayout(options.out).out}.report.json`;
  const report = await runNightly(options).catch((error): NightlyReport => ({ buildDate: "", published: false, failure: explainFailure(error) }));
  try {
    await checkpoint("report");
    await writeFile(`${file}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
    await rename(`${file}.tmp`, file);
    return { report, file };
  } catch (error) {
    return { report, writeError: `The report could not be written to ${file}: ${(error as Error).message}` };
  }
}

const failed = (...problems: string[]): Withdrawal => ({ outcome: "failed", withdrawn: [], problems });

/**
 * After a failed night: make sure nothing whose removal date has come stays live. First the fallback: the live build
 * rebuilt with its own code and data at `today` (src/release/fallback.ts). If that fails too, the last step: the
 * expired reviews' folders, and the whole files that name them, deleted from the live build. Never throws: what
 * happened is in the result, which the report words (src/report/nightly-report.ts).
 */
export async function withdrawExpired(options: { root: string; layout: OutputLayout; today: IsoDate; log: (line: string) => void }): Promise<Withdrawal> {
  const { layout, today, log } = options;
  const live = await buildAt(layout.out);
  if (!live && (await kind(layout.out)) !== "dir") return { outcome: "no-live-build", withdrawn: [], problems: [] };
  if (!live?.meta)
    return failed(
      `The live output ${layout.out} is ${live ? `a build with no build.json (${live.folder.site})` : "a plain folder, not a link to a build of this site"}, so what it lists cannot be told and nothing was withdrawn. ` +
        "Build the site again (npm run build) as soon as possible: it makes a build that can be withdrawn from.",
    );
  const kept = { folder: live.folder, meta: live.meta };
  const expired = expiredBy(kept.meta.listed, today);
  const problems: string[] = [];
  // A live build dated after today (a mistake, or an older version) may list reviews that are not public yet: rebuilt at today's date too.
  if (isAfterToday(kept.meta.buildDate, today)) {
    problems.push(`The live build ${madeAfterToday(kept.meta.buildDate, today)}; it is rebuilt from its own code and data at ${today}.`);
  } else if (expired.length === 0) return { outcome: "none-due", withdrawn: [], problems: [] };
  if (expired.length) log(`Withdrawing from the live site the reviews whose removal date has come: ${expired.map((review) => review.id).join(", ")}.`);
  try {
    await checkpoint("fallback");
    await runFallback({ root: options.root, code: kept.folder.code, kept, out: layout.out, date: today, log });
    return { outcome: "fallback", withdrawn: expired, problems };
  } catch (error) {
    problems.push(`The fallback (the live build's own code and data, rebuilt at ${today}) failed: ${explainFailure(error, "")}`);
  }
  if (expired.length === 0) return failed(...problems, "Nothing else could be done from here: fix the build and run npm run nightly as soon as possible.");
  let unlock: OutputLock | undefined;
  try {
    unlock = await lock(layout, log);
    await checkpoint("last-step");
    await unlock.ensureHeld("nothing was deleted from the live site");
    // What is live now, under the lock: a fallback killed after its swap may have changed it.
    const now = await buildAt(layout.out);
    const { folder, meta } = now?.meta ? { folder: now.folder, meta: now.meta } : kept;
    const due = expiredBy(meta.listed, today);
    problems.push(...(await deleteExpired(folder, meta, due)));
    return { outcome: "last-step", withdrawn: due, problems };
  } catch (error) {
    return failed(...problems, `Deleting them from the live site failed: ${(error as Error).message}`);
  } finally {
    await unlock?.();
  }
}

/**
 * The last step: delete from the live build each expired review's folder (its page and documents), the whole search
 * index and the whole files that name them (reviews.json, reviews.csv, feed.xml, sitemap.xml). Nothing is edited or
 * written but build.json; the other pages (the home page, the lists) still name them, and the report says so.
 * Returns what could not be deleted.
 */
async function deleteExpired(folder: BuildFolder, meta: BuildMeta, expired: BuildMeta["listed"]): Promise<string[]> {
  const problems: string[] = [];
  const ids = new Set(expired.map((review) => review.id));
  for (const relative of [...[...ids].map((id) => path.join("reviews", id)), "pagefind", "reviews.json", "reviews.csv", "feed.xml", "sitemap.xml"]) {
    await rm(path.join(folder.site, relative), { recursive: true, force: true }).catch((error: Error) =>
      problems.push(`${relative} could not be deleted from the live site (${error.message}); delete it by hand now.`),
    );
  }
  await writeMeta(folder, {
    ...meta,
    listed: meta.listed.filter((review) => !ids.has(review.id)),
    removed: [...meta.removed, ...ids],
    documents: (meta.documents ?? []).filter((file) => !ids.has(file.split("/")[1]!)),
  }).catch((error: Error) => problems.push(`build.json could not be updated (${error.message}).`));
  return problems;
}
