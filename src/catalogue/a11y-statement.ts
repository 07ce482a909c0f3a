import type { AccessibilityChecks } from "../content/build-input.ts";
import { readableDate, type IsoDate } from "../model/dates.ts";

/** How the automated check works (.pa11yci.cjs): what pa11y-ci runs, on what, at which widths. */
const HOW =
  "with pa11y, using its axe and HTML_CodeSniffer tools and the WCAG 2 level A and AA rules they can test, " +
  "at a phone width (320 pixels) and a desktop width (1280 pixels)";

const REFUSED = "A version of the website that fails this check is not published.";

/**
 * What the accessibility statement says of automated checks, a paragraph each:
 * only what has been done to this version, or recorded of an earlier one, so
 * that it is true for every build (see AccessibilityChecks). Nothing when no
 * automated check can be claimed.
 */
export function automatedChecksText(checks: AccessibilityChecks | undefined, buildDate: IsoDate): string[] {
  const version = `this version of the website (${readableDate(buildDate)})`;
  const paragraphs: string[] = [];
  if (checks?.beforePublish === "all") {
    paragraphs.push(`Before ${version} was published, every one of its pages was checked automatically ${HOW}, and no errors were found. ${REFUSED}`);
  } else {
    const last = checks?.lastFull;
    if (last)
      paragraphs.push(
        `On ${readableDate(last.checkedOn)}, every page of this website as it was then (${last.pages} ${last.pages === 1 ? "page" : "pages"}) was checked automatically ${HOW}, and no errors were found.`,
      );
    if (checks?.beforePublish === "changed")
      paragraphs.push(
        `Before ${version} was published, some of its pages were checked automatically ${last ? "in the same way" : HOW}: one page of each kind (for example a review page, a list of reviews and this statement) and every page that was new or had changed since the version before. No errors were found. ${REFUSED}`,
      );
  }
  if (paragraphs.length) paragraphs.push("Automated checks find only some kinds of accessibility problem.");
  return paragraphs;
}
