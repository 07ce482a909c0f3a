import * as pagefind from "pagefind";

/**
 * Build Pagefind's static search index into `<outputDir>/pagefind/`, after
 * Eleventy has written the pages. Only pages marked `data-pagefind-body` are
 * indexed, which review pages of listed reviews are and removal notices are not,
 * so a removed review can never be found by search.
 */
export async function buildSearchIndex(outputDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    // Only review pages can hold an indexable body; skipping the other pages saves time on large sites.
    const added = await index.addDirectory({ path: outputDir, glob: "reviews/*/index.html" });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${outputDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
