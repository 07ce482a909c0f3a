import type { IsoDate } from "../model/dates.ts";
import { parseJsonText, readTextFile } from "./json-source.ts";
import { REVIEWS_FILE, type ContentPaths } from "./paths.ts";
import { DataError, type Problem } from "../model/problems.ts";
import { siteSettingsFrom, SITE_FILE } from "./site-settings.ts";
import { siteSchema, type SiteSettings } from "../model/site-settings.ts";
import { validateReviews } from "./validate.ts";
import { addDocumentFacts, factsCacheFile } from "./document-facts.ts";
import type { Review } from "../model/review.ts";

/**
 * Everything a build is made from, decided once: the build date, the validated
 * settings and reviews, and where the documents are. The build script makes it,
 * makes the catalogue from it (and hands Eleventy's process only what templates
 * read of that: src/catalogue/template-data.ts), and keeps it with the build, so
 * that a failed night or a rollback can rebuild the live site at a later date.
 */
export interface BuildInput {
  buildDate: IsoDate;
  /** The folder whose `reviews/<id>/<file>` holds the documents. */
  contentRoot: string;
  site: SiteSettings;
  reviews: Review[];
  warnings: Problem[];
  /** What the accessibility statement may say of automated checks; set by the build for each build, never kept from an earlier one. */
  accessibilityChecks?: AccessibilityChecks;
}

/**
 * The automated accessibility checks the statement may claim, and only those:
 * the last check of every page that passed (recorded beside the published
 * output, src/checks/a11y-record.ts), and the check this build must pass before
 * it goes live (none for a build made without one, such as `npm run build`).
 */
export interface AccessibilityChecks {
  lastFull?: { checkedOn: IsoDate; pages: number };
  beforePublish?: "all" | "changed";
}

/**
 * The site's settings (site.json), with `SITE_URL`, when set, in place of its `url` (checked the same way);
 * `prepare` may fill in what a kind of site does not need to give (a finder's `areas`) before the check.
 */
export function readSiteFile(
  paths: ContentPaths,
  env: Record<string, string | undefined> = process.env,
  prepare: (value: unknown) => void = () => {},
): SiteSettings {
  const siteText = readTextFile(paths.siteFile, SITE_FILE);
  const parsed = siteText.text === undefined ? { problems: siteText.problems } : parseJsonText(siteText.text, SITE_FILE);
  prepare(parsed.source?.value);
  const site = siteSettingsFrom(parsed);
  const override = env.SITE_URL?.trim();
  if (override) {
    const checked = siteSchema.shape.url.safeParse(override);
    if (!checked.success) throw new DataError([{ file: "SITE_URL (an environment variable)", message: checked.error.issues[0]!.message }]);
    site.url = checked.data;
  }
  return site;
}

/**
 * Read, check and validate the content at `buildDate`, with what is inside its PDF and Markdown
 * documents (`document-facts.ts`). Throws a DataError listing every problem.
 * `SITE_URL`, when set, replaces `url` in site.json (checked the same way): the GitHub Pages workflow
 * sets it to the address Pages gives the site, so a project site (`user.github.io/repo/`) works.
 */
export async function readBuildInput(paths: ContentPaths, buildDate: IsoDate, env: Record<string, string | undefined> = process.env): Promise<BuildInput> {
  const site = readSiteFile(paths, env);
  const reviewsText = readTextFile(paths.reviewsFile, REVIEWS_FILE);
  const { source, problems } =
    reviewsText.text === undefined ? { source: undefined, problems: reviewsText.problems } : parseJsonText(reviewsText.text, REVIEWS_FILE);
  if (!source) throw new DataError(problems);
  const result = validateReviews(source, { areaKeys: Object.keys(site.areas), areaNames: site.areas, reviewsDir: paths.reviewsDir, buildDate });
  const facts = await addDocumentFacts(result.reviews, { reviewsDir: paths.reviewsDir, cacheFile: factsCacheFile(paths.root) });
  const errors = [...result.errors, ...facts.errors];
  if (errors.length > 0) throw new DataError(errors);
  return { buildDate, contentRoot: paths.root, site, reviews: facts.reviews, warnings: [...result.warnings, ...facts.warnings] };
}

export function serialiseBuildInput(input: BuildInput): string {
  return `${JSON.stringify(input)}\n`;
}
