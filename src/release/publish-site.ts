import { rm } from "node:fs/promises";
import path from "node:path";
import { buildSite } from "../build/build-site.ts";
import { MARKER, type BuildFolder } from "../build/build-record.ts";
import { checkpoint } from "../build/fault.ts";
import type { Catalogue } from "../catalogue/index.ts";
import { accessibilityChecksFor } from "../checks/a11y-record.ts";
import { accessibilityStep, plannedFor, type AccessibilityResult, type AccessibilityStep } from "../checks/a11y-step.ts";
import { checkBuiltSite } from "../checks/site-check.ts";
import type { BuildInput } from "../content/build-input.ts";
import { HARVEST_FILE } from "../sources/harvest-file.ts";
import type { Harvest } from "../sources/harvest.ts";
import type { IsoDate } from "../model/dates.ts";
import { OutputError } from "../model/failures.ts";
import { outputLayout, type OutputLayout } from "../model/output-layout.ts";
import { todayInLondon } from "../rules/build-date.ts";
import { madeAfterToday, publishDecision } from "../rules/release-dates.ts";
import { lock } from "../lock/lock.ts";
import { buildAt, kind, newBuild, publishBuild } from "./publish.ts";

export interface PublishSiteOptions {
  /** The project folder: its code builds the site, and by default its `_data/` and `reviews/` are the content. */
  root?: string;
  /** The published output: a link to the live build. Default `_site`. */
  out?: string;
  /** The date the rules are applied at, resolved once by the caller. */
  buildDate: IsoDate;
  /** Build from this data instead of reading `_data/` (a kept build's, rebuilt at a later date). */
  input?: BuildInput;
  /** A finder's kept harvest, with its kept `input`: nothing is fetched. */
  harvest?: Harvest;
  /** A finder's previous harvest, a path or an https address; default: the live build's `input/harvest.json`. */
  previousHarvest?: string;
  /** Publish even when the build date is after today (a preview: `--future-date`). */
  allowFutureDate?: boolean;
  /** The clock's London date, read once by the caller; read from the clock when not given. */
  today?: IsoDate;
  /** Check links, removed reviews and the search index before the build goes live (the nightly, a fallback). */
  checkSite?: boolean;
  /** Check accessibility before the build goes live (the nightly). */
  accessibility?: AccessibilityStep;
  log?: (line: string) => void;
  /** A test seam, run after the checks and before the swap (tests: another run taking the lock over). */
  beforeSwap?: () => Promise<void>;
}

export interface PublishSiteResult {
  build: BuildFolder;
  catalogue: Catalogue;
  previous?: string;
  accessibility?: AccessibilityResult;
  /** The data's warnings, the checks', and what went wrong after the build went live (it stays live). */
  warnings: string[];
}

/**
 * Build a site and make it live, in this order: the output checked, the output lock, the date checks, the build
 * (in a new folder), its checks, the lock still held, the swap, the clean-up. A failure at any point before the
 * swap leaves the live output exactly as it was; nothing after it can remove the live build.
 */
export async function publishSite(options: PublishSiteOptions): Promise<PublishSiteResult> {
  const log = options.log ?? (() => {});
  const root = path.resolve(options.root ?? process.cwd());
  const layout = await checkOutput(options.out ?? "_site", root);
  const today = options.today ?? todayInLondon();
  const unlock = await lock(layout, log);
  let build: BuildFolder | undefined;
  let live = false;
  // The build folder and everything in it readable by a web server running as another user, whatever the caller's umask.
  const callersUmask = process.umask(0o022);
  try {
    // Under the lock, the live build cannot change before the swap: the dates are checked once, before anything is written.
    const warnings = await checkDates(layout, options.buildDate, { today, allowFutureDate: options.allowFutureDate ?? false });
    build = await newBuild(layout, options.buildDate);
    const accessibilityChecks = accessibilityChecksFor(layout.out, plannedFor(options.accessibility));
    // A finder's night: the live build's harvest stands in for a source that cannot be read (src/sources/harvest.ts).
    const liveBuild = options.input || options.previousHarvest ? undefined : await buildAt(layout.out);
    const previousHarvest = options.previousHarvest ?? (liveBuild ? path.join(liveBuild.folder.input, HARVEST_FILE) : undefined);
    const built = await buildSite({
      root,
      build,
      buildDate: options.buildDate,
      accessibilityChecks,
      log,
      ...(options.input ? { input: options.input } : {}),
      ...(options.harvest ? { harvest: options.harvest } : {}),
      ...(previousHarvest && !options.input ? { previousHarvest } : {}),
    });
    warnings.unshift(...built.warnings);
    await checkpoint("check");
    const problems = options.checkSite ? checkBuiltSite(build.site, built.catalogue) : [];
    if (problems.length) {
      const found = `${problems.length} ${problems.length === 1 ? "problem" : "problems"}`;
      throw new Error(`the check of the new build found ${found}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    }
    if (options.checkSite) log("Checked links, removed reviews and the search index: no problems.");
    const accessibility = options.accessibility ? await accessibilityStep(build.site, built.catalogue, options.accessibility, warnings) : undefined;
    await checkpoint("publish");
    await options.beforeSwap?.();
    await unlock.ensureHeld("nothing was published");
    const published = await publishBuild(layout, build);
    live = true;
    await checkpoint("published").catch((error: Error) => published.warnings.push(`After the new build went live: ${error.message}`));
    return {
      build,
      catalogue: built.catalogue,
      warnings: [...warnings, ...published.warnings],
      ...(accessibility ? { accessibility } : {}),
      ...(published.previous ? { previous: published.previous } : {}),
    };
  } catch (error) {
    // Never delete a build that went live.
    if (build && !live) await rm(build.dir, { recursive: true, force: true }).catch(() => {});
    throw error;
  } finally {
    process.umask(callersUmask);
    await unlock();
  }
}

/**
 * Refuse an output that would take over something the build did not make: the project or any folder holding it,
 * the file-system root, a missing parent folder, a folder without the marker, a `.previous` that is not a link.
 * Called by every writer (a build, a rollback) before anything is written.
 */
export async function checkOutput(out: string, projectRoot: string): Promise<OutputLayout> {
  if (out.trim() === "") throw new OutputError(`--out is empty; give the folder to publish to, e.g. --out _site.`);
  const layout = outputLayout(out);
  const project = path.resolve(projectRoot);
  // The project inside the output (or the output itself): publishing there would replace it.
  const relative = path.relative(layout.out, project);
  if (relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative))) {
    throw new OutputError(
      `--out ${out} is ${layout.out === project ? "the project folder itself" : `a folder that holds the project (${project})`}; publishing there would replace the project. Choose a folder of its own, e.g. --out _site or --out /var/www/reviews.`,
    );
  }
  const parent = path.dirname(layout.out);
  if ((await kind(parent)) === "missing")
    throw new OutputError(
      `The folder ${parent} does not exist, so the site cannot be published to ${layout.out}. Create it first (mkdir -p ${parent}), or choose another --out.`,
    );
  const current = await kind(layout.out);
  if (current === "other") throw new OutputError(`${layout.out} is a file, not a folder or link; move it away and run again.`);
  if (current === "dir" && (await kind(path.join(layout.out, MARKER))) === "missing") {
    throw new OutputError(
      `${layout.out} is a folder that this site's build did not make (it has no ${MARKER} file), so it will not be replaced. Move it away, or choose another --out.`,
    );
  }
  const previous = await kind(layout.previous);
  if (previous === "dir" || previous === "other")
    throw new OutputError(
      `${layout.previous} should be a link to the previous build, but it is a ${previous === "dir" ? "folder" : "file"}. Move it away and run again.`,
    );
  return layout;
}

/**
 * Refuse a build dated after today unless `allowFutureDate` (it would publish reviews early), or before the live one
 * (it would bring back what the live build has already removed), by the rule in src/rules/release-dates.ts. Returns a
 * warning when the live build it will replace was dated after today. Called under the output lock.
 */
export async function checkDates(layout: OutputLayout, buildDate: IsoDate, options: { today: IsoDate; allowFutureDate?: boolean }): Promise<string[]> {
  const { today } = options;
  const live = await buildAt(layout.out);
  const decision = publishDecision({ ...options, buildDate, ...(live?.meta ? { liveDate: live.meta.buildDate } : {}) });
  if (decision.verdict === "publish") {
    const future = decision.replacesFutureLive;
    return future ? [`The live build in ${layout.out} ${madeAfterToday(future, today)}; it was replaced by this build for ${buildDate}.`] : [];
  }
  if (decision.why === "future") {
    throw new OutputError(
      `This build is for ${buildDate}, after today (${today}). A build for a later date lists reviews that are not public yet, so it was not published to ${layout.out}, which was not changed. ` +
        `To look at the site as it will be on that date, build a preview in a folder that is not served: BUILD_DATE=${buildDate} npm run build -- --out _preview --future-date. ` +
        `To publish it to ${layout.out} all the same, add --future-date.`,
    );
  }
  throw new OutputError(
    `This build is for ${buildDate}, earlier than the live site's build (${decision.liveDate}) in ${layout.out}. Publishing it would bring back reviews that the live site has already removed, so it was refused. ` +
      `Check the machine's clock and BUILD_DATE; to look at the site on another date, build a preview in a folder that is not served (--out _preview).`,
  );
}
