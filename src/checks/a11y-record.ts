import { readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { globSync } from "tinyglobby";
import type { AccessibilityChecks } from "../content/build-input.ts";
import { isIsoDate, type IsoDate } from "../model/dates.ts";
import { outputLayout } from "../model/output-layout.ts";
import { requireChromium } from "./chromium.ts";

/**
 * The last time every page of the published output passed the accessibility
 * check, kept beside it (never in it) in `<out>.a11y-check.json`: written when
 * a check of every page passes and that build is live (`npm run nightly --
 * --a11y-scope all`, or `npm run test:a11y -- --site <out> --record`), read by
 * the next build of that output for its accessibility statement. With no file,
 * the statement claims no check of every page.
 */
export interface FullCheckRecord {
  generator: "learning-reviews";
  /** The day the check passed (in London). */
  checkedOn: IsoDate;
  /** The build it checked. */
  buildDate: IsoDate;
  /** How many pages it checked (each at two widths). */
  pages: number;
}

export function fullCheckFile(out: string): string {
  return `${outputLayout(out).out}.a11y-check.json`;
}

/** The recorded check of every page of `out`, or undefined when there is none (or it cannot be read as one). */
export function readFullCheck(out: string): FullCheckRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(fullCheckFile(out), "utf8")) as Partial<FullCheckRecord>;
    const valid =
      record.generator === "learning-reviews" &&
      isIsoDate(record.checkedOn) &&
      isIsoDate(record.buildDate) &&
      Number.isInteger(record.pages) &&
      (record.pages ?? 0) > 0;
    return valid ? (record as FullCheckRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** The pages a check of every page looks at (as .pa11yci.cjs finds them): every .html file but the editor's. */
export function pageCount(siteDir: string): number {
  return globSync("**/*.html", { cwd: siteDir, dot: true, ignore: ["admin/**"] }).length;
}

/**
 * Record that every page of the live build of `out` passed the check on `checkedOn`.
 * Never throws: the build is live by now, so a record that cannot be written is a warning.
 */
export async function recordFullCheck(out: string, checkedOn: IsoDate, buildDate: IsoDate): Promise<string[]> {
  const file = fullCheckFile(out);
  try {
    const record: FullCheckRecord = { generator: "learning-reviews", checkedOn, buildDate, pages: pageCount(outputLayout(out).out) };
    await writeFile(`${file}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
    await rename(`${file}.tmp`, file);
    return [];
  } catch (error) {
    return [
      `Every page passed the accessibility check, but that could not be recorded in ${file} (${(error as Error).message}), so the accessibility statement will not say so; run the check of every page again.`,
    ];
  }
}

/** What the statement may say for a build of `out` that must pass `beforePublish` to go live. */
export function accessibilityChecksFor(out: string, beforePublish?: "all" | "changed"): AccessibilityChecks {
  const last = readFullCheck(out);
  return {
    ...(last ? { lastFull: { checkedOn: last.checkedOn, pages: last.pages } } : {}),
    ...(beforePublish ? { beforePublish } : {}),
  };
}

/**
 * The check the nightly will run before the build goes live, decided before the build so that its
 * statement can say so: none when told not to, or ("auto") when no browser is installed.
 */
export function plannedCheck(
  options: { a11y: "auto" | "always" | "never"; a11yScope?: "changed" | "all" },
  hasBrowser: () => boolean = () => {
    try {
      requireChromium();
      return true;
    } catch {
      return false;
    }
  },
): "all" | "changed" | undefined {
  if (options.a11y === "never" || (options.a11y === "auto" && !hasBrowser())) return undefined;
  return options.a11yScope ?? "changed";
}
