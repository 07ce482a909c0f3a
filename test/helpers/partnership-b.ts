import { cpSync } from "node:fs";
import path from "node:path";
import { FIXTURE_BUILD_DATE } from "./browser.ts";
import { fixturePdf } from "./documents.ts";
import { fixtureProject } from "./fixture-project.ts";
import { FIXTURES, fixtureReviews, fixtureSite } from "./site.ts";

/** The second fixture partnership (test/fixtures/partnership-b/): its own areas, footnote codes, and SCRs kept 24 months. */
export const PARTNERSHIP_B = path.join(FIXTURES, "partnership-b");

/** Phrases put inside one of partnership B's PDFs for a build (its committed PDFs hold only fixture lines), `<id>/<file>` to phrase. */
export const PHRASES_INSIDE_B: Record<string, string> = {
  "child-rowan/overview-report.pdf": "lantern welfare huddle",
  // Family Yarrow is an SCR published in January 2023: past its 24 months, removed.
  "family-yarrow/overview-report.pdf": "quartz ledger signal",
};

/** Build partnership B as it ships (its reviews and documents), one PDF with a phrase of PHRASES_INSIDE_B, at `buildDate`. */
export async function buildPartnershipB(buildDate = FIXTURE_BUILD_DATE): Promise<string> {
  const reviews = fixtureReviews(PARTNERSHIP_B);
  const files: Record<string, string> = {};
  for (const [key, phrase] of Object.entries(PHRASES_INSIDE_B)) {
    const [id, file] = key.split("/") as [string, string];
    const review = reviews.find((r) => r.id === id)!;
    const document = (review.documents as { title: string; file?: string }[]).find((d) => d.file === file)!;
    files[key] = fixturePdf(`${review.title}: ${document.title}`, [`The team met in a ${phrase} every week.`]);
  }
  const withPhrases = fixtureProject({ site: fixtureSite(PARTNERSHIP_B), reviews, files });
  // The committed documents, then the ones made here over them.
  cpSync(path.join(PARTNERSHIP_B, "reviews"), path.join(withPhrases.root, "reviews"), { recursive: true, force: false });
  const build = await withPhrases.run("build", [], { BUILD_DATE: buildDate });
  if (build.code !== 0) throw new Error(`Partnership B's build failed:\n${build.stderr}`);
  return path.join(withPhrases.root, "_site");
}
