import type { Harvest } from "../sources/harvest.ts";
import type { ReviewView } from "./views.ts";

/**
 * What a finder's page needs to search inside every source's reports (pages/assets/source-search.js), published
 * as `/search-sources.json` and fetched only when a visitor searches: each source's Pagefind bundle (`pagefind/`
 * beside its feed, where its site publishes it) and the site its pages are under; and the reviews the finder lists
 * today, by page address, so that a match is shown only for one of them, whatever a source's bundle still holds.
 */
export const SEARCH_SOURCES_FILE = "search-sources.json";

export interface FinderSearchSources {
  sources: { id: string; name: string; bundle: string; site: string }[];
  /** A listed review's page address to `<source id>/<its id in the finder>`. */
  listed: Record<string, string>;
}

/** `address` as a folder: the folder a file is in, or the address itself with a slash. */
const folderOf = (address: string, file: boolean) => {
  const url = new URL(file ? "." : address, address);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  url.search = "";
  url.hash = "";
  return url.href;
};

export function finderSearchSources(harvest: Harvest, listed: readonly ReviewView[]): FinderSearchSources {
  return {
    sources: harvest.sources.map(({ source }) => ({
      id: source.id,
      name: source.name,
      bundle: new URL("pagefind/", folderOf(source.feed, true)).href,
      site: source.site ? folderOf(source.site, false) : folderOf(source.feed, true),
    })),
    listed: Object.fromEntries(listed.filter((review) => review.source).map((review) => [review.url, `${review.source!.id}/${review.id}`])),
  };
}
