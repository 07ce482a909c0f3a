import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { readdirSync, readFileSync } from "node:fs";
import * as pagefind from "pagefind";
import type { Catalogue } from "../catalogue/index.ts";
import { reviewWithDocuments } from "../catalogue/search-records.ts";
import { searchPageHtml } from "./search-page.ts";

/**
 * What the search index holds: records made from the catalogue (listed reviews'
 * pages, their HTML versions and their PDFs' text). `pageUrls` are pages read
 * back from the written HTML instead (none today: every record is made from the catalogue).
 */
export interface SearchContent {
  pageUrls: readonly string[];
  records: Catalogue["documentRecords"];
}

/**
 * Exactly what a catalogue puts in the search index: one record per listed
 * review, its documents' text inside it (PDFs and HTML versions, each a section
 * under its place on the review page), so a search gives one result per review;
 * nothing of a review that is not listed. Made from the catalogue alone, so the
 * index can be built while Eleventy writes the pages.
 */
export function searchContent(catalogue: Pick<Catalogue, "listed" | "htmlVersions" | "documentRecords">): SearchContent {
  return {
    pageUrls: [],
    records: catalogue.listed.map((review) => reviewWithDocuments(review, catalogue.documentRecords, catalogue.htmlVersions)),
  };
}

/**
 * The language of the records, as Pagefind names the language of the pages (`lang="en-GB"` in
 * _includes/layouts/base.njk): Pagefind keeps one index a language, and the search page searches
 * its own page's, so a record in any other language would never be found.
 */
const RECORD_LANGUAGE = "en-gb";

/** Every address the search index of a catalogue may hold, and must: each review's, and each of its documents' place on it. */
export function expectedSearchUrls(catalogue: Pick<Catalogue, "listed" | "htmlVersions" | "documentRecords">): string[] {
  const content = searchContent(catalogue);
  const sections = content.records.flatMap((record) => (record.sections ?? []).map((section) => `${record.url}#${section.anchor}`));
  return [...content.pageUrls, ...content.records.map((record) => record.url), ...sections].sort();
}

/**
 * The scripts of Pagefind's bundle that the site's pages load: pagefind.js (imported by
 * assets/search.js and assets/finder.js) and the worker it starts. Pagefind also writes its own
 * search interfaces and highlighter (pagefind-ui, -component-ui, -modular-ui, -highlight: scripts
 * and stylesheets, about 400 KB), which no page uses; they are deleted before the build goes live,
 * so that the site serves no script it does not use (test/build/shipped-scripts.test.ts).
 */
export const PAGEFIND_SCRIPTS: readonly string[] = ["pagefind.js", "pagefind-worker.js"];

/** Delete the scripts and stylesheets of a written Pagefind bundle that no page loads. */
async function removeUnusedScripts(bundle: string): Promise<void> {
  for (const file of await readdir(bundle)) {
    if (/\.(js|css)$/.test(file) && !PAGEFIND_SCRIPTS.includes(file)) await rm(path.join(bundle, file), { force: true });
  }
}

/**
 * Build Pagefind's static search index into `<siteDir>/pagefind/` (or
 * `outputPath`) from the records of listed reviews' pages, their HTML versions
 * and their PDFs' text (each under the document's place on the review page),
 * in a fixed order; a kept build's `pageUrls` are read from its written pages. Nothing else is
 * ever given to Pagefind, so a removal notice or a page of a review not yet
 * published can never be indexed, even when no page is marked for indexing
 * (Pagefind would otherwise index every page), and the index is the same
 * whatever order the file system lists files in.
 */
export async function buildSearchIndex(siteDir: string, content: SearchContent, options: { outputPath?: string } = {}): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    for (const url of [...content.pageUrls].sort()) {
      // Addresses are decoded to find the file: an HTML version's name is a slug, a review's id too.
      const html = await readFile(path.join(siteDir, decodeURIComponent(url), "index.html"), "utf8");
      // Site addresses: Pagefind's script puts the path the site is served under (where pagefind/ is) in front of them.
      const added = await index.addHTMLFile({ url, content: html });
      if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join("; ")}`);
    }
    for (const record of [...content.records].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) {
      // A review with its documents inside: a page of its own making, so that Pagefind gives its documents as sub-results.
      const added = record.sections
        ? await index.addHTMLFile({ url: record.url, content: searchPageHtml(record, "en-GB") })
        : await index.addCustomRecord({
            url: record.url,
            content: record.text,
            language: RECORD_LANGUAGE,
            meta: { ...record.meta, title: record.title },
            filters: record.filters,
            ...(record.sort ? { sort: record.sort } : {}),
          });
      if (added.errors.length) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join("; ")}`);
    }
    const outputPath = options.outputPath ?? path.join(siteDir, "pagefind");
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    await removeUnusedScripts(outputPath);
    return content.pageUrls.length + content.records.length;
  } finally {
    await pagefind.close();
  }
}

/**
 * The addresses of the pages and records in a built Pagefind index, read from
 * the index itself (its compressed fragments), so that a check does not rely
 * on which pages were marked for indexing.
 */
export function indexedUrls(siteDir: string): string[] {
  return indexedFragments(siteDir)
    .flatMap((fragment) => [fragment.url, ...(fragment.anchors ?? []).filter((a) => /^document-\d+$/.test(a.id)).map((a) => `${fragment.url}#${a.id}`)])
    .sort();
}

/** Every fragment of a built Pagefind index, decompressed: its address, the text it holds and its documents' places (gzip, JSON after the first "{"). */
export function indexedFragments(siteDir: string): { url: string; content: string; anchors?: { id: string }[] }[] {
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
      return JSON.parse(json) as { url: string; content: string; anchors?: { id: string }[] };
    });
}
