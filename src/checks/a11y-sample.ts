import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { globSync } from "tinyglobby";
import type { Catalogue } from "../catalogue/index.ts";

/** Which pages the nightly's accessibility check looks at, and why. */
export interface A11ySample {
  /** Site addresses (`/reviews/x/`), sorted. */
  pages: string[];
  /** One page of each kind of page (its kind named), so every template is checked every night. */
  byKind: Record<string, string>;
  /** Pages new or changed since the live build. */
  changed: string[];
  /** How many pages the build has. */
  total: number;
}

const address = (file: string) => `/${file.replace(/(^|\/)index\.html$/, "$1")}`;

/**
 * What kind of page an address is: review pages, notices, filter pages (a finder's partnerships' and their
 * areas' too) and the finder's later pages
 * (`/page/2/` on) are one kind each, every other page its own.
 */
export function kindOf(page: string, listed: Set<string>, removed: Set<string>): string {
  if (/^\/page\/\d+\/$/.test(page)) return "finder, later page";
  if (/^\/accessibility\/documents\/page\/\d+\/$/.test(page)) return "documents not fully accessible, later page";
  const review = /^\/reviews\/([^/]+)\/$/.exec(page)?.[1];
  if (review && listed.has(review)) return "review page";
  if (review && removed.has(review)) return "removal notice";
  const facet = /^\/reviews\/(type|area|year|theme)\//.exec(page)?.[1];
  if (facet) return `filter page (${facet})${/\/page\/\d+\/$/.test(page) ? ", later page" : ""}`;
  // A finder's partnership pages, and its areas' under them (`<source>/<area>/`, each paged as `page/N/`).
  const partnership = /^\/reviews\/partnership\/[^/]+\/([^/]+\/)?(page\/\d+\/)?$/.exec(page);
  if (partnership) return `filter page (${partnership[1] ? "area within a partnership" : "partnership"})${partnership[2] ? ", later page" : ""}`;
  if (/^\/reviews\/[^/]+\/[^/]+\/$/.test(page)) return "document page";
  return page;
}

/**
 * The page's text with the build date taken out (it is in every footer), so
 * that a page counts as changed only when what it says has changed.
 */
function fingerprint(file: string, buildDates: string[]): string | undefined {
  try {
    let text = readFileSync(file, "utf8");
    for (const date of buildDates) text = text.replaceAll(date, "");
    return createHash("sha256").update(text).digest("hex");
  } catch {
    return undefined;
  }
}

/**
 * The nightly's accessibility sample: one page of every kind, plus every page
 * whose content is new or changed since the live build (`liveSiteDir`; with no
 * live build, every page). Checking all 20,000 page-widths of a national-scale
 * site every night would take hours; the full check runs in `npm test` and
 * `npm run test:a11y`.
 */
export function a11ySample(siteDir: string, catalogue: Catalogue, live?: { siteDir: string; buildDates: string[] }): A11ySample {
  // The editor at /admin/ is a third-party tool for maintainers, not a public page (see .pa11yci.cjs).
  const files = globSync("**/*.html", { cwd: siteDir, dot: false, ignore: ["admin/**"] }).sort();
  const listed = new Set(catalogue.listed.map((review) => review.id));
  const removed = new Set(catalogue.removed.map((review) => review.id));
  const byKind: Record<string, string> = {};
  for (const file of files) byKind[kindOf(address(file), listed, removed)] ??= address(file);
  const dates = [catalogue.buildDate, catalogue.buildDateText, ...(live?.buildDates ?? [])];
  const changed = files
    .filter((file) => !live || fingerprint(path.join(siteDir, file), dates) !== fingerprint(path.join(live.siteDir, file), dates))
    .map(address);
  const pages = [...new Set([...Object.values(byKind), ...changed])].sort();
  return { pages, byKind, changed, total: files.length };
}
