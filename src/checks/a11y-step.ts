import { pathPrefix } from "../catalogue/addresses.ts";
import type { Catalogue } from "../catalogue/index.ts";
import { runA11yCheck } from "./a11y-check.ts";
import { plannedCheck } from "./a11y-record.ts";
import { a11ySample } from "./a11y-sample.ts";
import { requireChromium } from "./chromium.ts";

/** What the accessibility check looked at: every page, or one of each kind plus those changed since the live build. */
export type AccessibilityResult = ({ scope: "all" } | { scope: "changed"; checked: number; of: number; byKind: Record<string, string>; changed: string[] }) & {
  /** pa11y-ci's count: each page at phone and desktop width, "26/26". */
  urls?: string;
};

/** The nightly's accessibility check, as the release runs it before a build goes live. */
export interface AccessibilityStep {
  /** "auto" runs it when a browser is installed. */
  a11y: "auto" | "always" | "never";
  /** One of each kind plus the pages changed since the live build (default), or every page. */
  a11yScope?: "changed" | "all";
  /** The live site, to tell which pages changed tonight. */
  live?: { siteDir: string; buildDates: string[] };
  log: (line: string) => void;
}

/** The check the statement of the build may promise (decided before the build). */
export function plannedFor(step: AccessibilityStep | undefined): "all" | "changed" | undefined {
  return step ? plannedCheck(step) : undefined;
}

/**
 * The accessibility check of the new build, unless told not to: one page of
 * every kind plus every page changed since the live build (`scope: "changed"`,
 * the default), or every page (`"all"`). Throws when it fails; returns what was
 * checked, for the report, and pushes onto `warnings` what the report must say.
 */
export async function accessibilityStep(
  dir: string,
  catalogue: Catalogue,
  step: AccessibilityStep,
  warnings: string[],
): Promise<AccessibilityResult | undefined> {
  let runA11y = step.a11y !== "never";
  if (step.a11y === "auto") {
    try {
      requireChromium();
    } catch {
      runA11y = false;
      step.log("Accessibility check skipped: no browser installed (install chromium to run it).");
      warnings.push("The accessibility check was skipped: no browser was installed.");
    }
  }
  if (!runA11y) return undefined;
  const sample = step.a11yScope === "all" ? undefined : a11ySample(dir, catalogue, step.live);
  const { code, output } = await runA11yCheck({
    siteDir: dir,
    prefix: pathPrefix(catalogue.site.url),
    stdio: "pipe",
    ...(sample ? { pages: sample.pages } : {}),
  });
  if (code !== 0) throw new Error(`the accessibility check failed:\n${output.trim()}`);
  // Said once, in the report (src/report/nightly-report.ts), with pa11y-ci's own count of addresses (pages at each width).
  const counted = /(\d+)\/(\d+) URLs passed/.exec(output);
  const urls = counted ? { urls: `${counted[1]}/${counted[2]}` } : {};
  if (!sample) return { scope: "all", ...urls };
  return { scope: "changed", checked: sample.pages.length, of: sample.total, byKind: sample.byKind, changed: sample.changed, ...urls };
}
