import { rm } from "node:fs/promises";
import path from "node:path";
import { buildSite } from "../build/build-site.ts";
import type { BuildFolder } from "../build/build-record.ts";
import { checkpoint } from "../build/fault.ts";
import type { Catalogue } from "../catalogue/index.ts";
import { accessibilityChecksFor } from "../checks/a11y-record.ts";
import { checkBuiltSite } from "../checks/site-check.ts";
import type { BuildInput } from "../content/build-input.ts";
import type { IsoDate } from "../model/dates.ts";
import type { OutputLayout } from "../model/output-layout.ts";
import { todayInLondon } from "../rules/build-date.ts";
import { accessibilityStep, plannedFor, type AccessibilityResult, type AccessibilityStep } from "../checks/a11y-step.ts";
import { newBuild } from "./build-folder.ts";
import { lock } from "./lock.ts";
import { checkDates, checkOutput } from "./output-guard.ts";
import { publishBuild } from "./publish.ts";

export interface PublishSiteOptions {
  /** The project folder: its code builds the site, and by default its `_data/` and `reviews/` are the content. */
  root?: string;
  /** The published output: a link to the live build. Default `_site`. */
  out?: string;
  /** The date the rules are applied at, resolved once by the caller. */
  buildDate: IsoDate;
  /** Build from this data instead of reading `_data/` (a kept build's, rebuilt at a later date). */
  input?: BuildInput;
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
  layout: OutputLayout;
  previous?: string;
  accessibility?: AccessibilityResult;
  /** The data's warnings, the checks', and what went wrong after the build went live (it stays live). */
  warnings: string[];
}

/**
 * Build a site and make it live, in this order: the output lock, the date checks, the build (in a new folder),
 * its checks, the lock still held, the swap, the clean-up. A failure at any point before the swap leaves the
 * live output exactly as it was; nothing after it can remove the live build.
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
    const built = await buildSite({ root, build, buildDate: options.buildDate, accessibilityChecks, log, ...(options.input ? { input: options.input } : {}) });
    warnings.unshift(...built.warnings);
    await checkpoint("check");
    if (options.checkSite) {
      const problems = checkBuiltSite(build.site, built.catalogue);
      if (problems.length)
        throw new Error(
          `the check of the new build found ${problems.length} ${problems.length === 1 ? "problem" : "problems"}:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
        );
      log("Checked links, removed reviews and the search index: no problems.");
    }
    const accessibility = options.accessibility ? await accessibilityStep(build.site, built.catalogue, options.accessibility, warnings) : undefined;
    await checkpoint("publish");
    await options.beforeSwap?.();
    await unlock.ensureHeld("nothing was published");
    const published = await publishBuild(layout, build);
    live = true;
    const after = [...published.warnings];
    try {
      await checkpoint("published");
    } catch (error) {
      after.push(`After the new build went live: ${(error as Error).message}`);
    }
    return {
      build,
      catalogue: built.catalogue,
      layout,
      warnings: [...warnings, ...after],
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
