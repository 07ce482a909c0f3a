import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CitationView } from "../catalogue/citation.ts";

/**
 * Write each listed review's citation for reference managers (`/reviews/<id>/citation.ris`,
 * src/catalogue/citation.ts) into the output, as the build copies documents. The catalogue has
 * made the text; Eleventy used to write it as 7,000 more pages at 10,000 reviews, each costing
 * its process a page's memory and time for a file that is one string (docs/design.md, Performance).
 * Only the reviews given are written: a removed review has none. Files 0644, folders 0755.
 */
export async function writeCitationFiles(
  listed: readonly { id: string; citation: Pick<CitationView, "risUrl" | "ris"> }[],
  outputDir: string,
): Promise<number> {
  const root = path.resolve(outputDir);
  for (const review of listed) {
    const file = path.join(root, decodeURIComponent(review.citation.risUrl));
    if (!file.startsWith(`${root}${path.sep}`))
      throw new Error(
        `The citation file of review "${review.id}" would be written outside the build (${review.citation.risUrl}); this is a fault in src/catalogue.`,
      );
    await mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
    await chmod(path.dirname(file), 0o755);
    await writeFile(file, review.citation.ris);
    await chmod(file, 0o644);
  }
  return listed.length;
}
