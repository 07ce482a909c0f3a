import { readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { readdirSync, readFileSync } from "node:fs";
import * as pagefind from "pagefind";

/**
 * Build Pagefind's static search index into `<siteDir>/pagefind/` from the
 * pages of listed reviews, named one by one, in a fixed order. Nothing else is
 * ever given to Pagefind, so a removal notice or a page of a review not yet
 * published can never be indexed, even when no page is marked for indexing
 * (Pagefind would otherwise index every page), and the index is the same
 * whatever order the file system lists files in.
 */
export async function buildSearchIndex(siteDir: string, pageUrls: readonly string[], options: { outputPath?: string } = {}): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    for (const url of [...pageUrls].sort()) {
      const content = await readFile(path.join(siteDir, url, "index.html"), "utf8");
      // Site addresses: Pagefind's script puts the path the site is served under (where pagefind/ is) in front of them.
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath: options.outputPath ?? path.join(siteDir, "pagefind") });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    return pageUrls.length;
  } finally {
    await pagefind.close();
  }
}

/**
 * The addresses of the pages in a built Pagefind index, read from the index
 * itself (its compressed fragments), so that a check does not rely on which
 * pages were marked for indexing.
 */
export function indexedUrls(siteDir: string): string[] {
  const fragments = path.join(siteDir, "pagefind", "fragment");
  let files: string[];
  try {
    files = readdirSync(fragments);
  } catch {
    return [];
  }
  return files
    .filter((file) => file.endsWith(".pf_fragment"))
    .map((file) => {
      const text = gunzipSync(readFileSync(path.join(fragments, file))).toString("utf8");
      const json = text.slice(text.indexOf("{"));
      return (JSON.parse(json) as { url: string }).url;
    })
    .sort();
}
