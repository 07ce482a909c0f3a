import type { SiteSettings } from "../model/site-settings.ts";
import { buildFacets, FINDER_FACETS, type FacetGroup, type FilterPage } from "./facets.ts";
import { partnershipUrl } from "./finder-views.ts";
import type { ReviewView } from "./views.ts";

/**
 * A finder's filters (issue 23): a partnership's own, but "area" is the partnership
 * (`/reviews/partnership/<source>/`), and "place" an area within one, as each feed record names it, its value
 * qualified by its source (`<source>/<area>`) so that two partnerships' areas of the same key never mix. Its
 * options are grouped by partnership; each area's pages are under its partnership's
 * (`/reviews/partnership/<source>/<area>/`), which links to them, and link back to it.
 */
export function finderFacets(
  listed: readonly ReviewView[],
  site: SiteSettings,
  sources: readonly { id: string; name: string }[],
): { pages: FilterPage<ReviewView>[]; groups: FacetGroup[] } {
  // The partnerships in sources.json's order, as the partnership's own site orders its areas.
  const names = new Map(sources.map((source) => [source.id, source.name]));
  const facets = buildFacets(listed, { ...site, areas: Object.fromEntries(names) }, FINDER_FACETS);
  const sourceOf = (key: string) => key.slice(0, key.indexOf("/"));
  const places = facets.groups.find((group) => group.facet === "place")!;
  for (const group of facets.groups) if (group.facet === "area") group.heading = "By partnership";
  places.sections = [];
  for (const option of places.options) {
    const source = sourceOf(option.key);
    if (places.sections.at(-1)?.url !== partnershipUrl(source))
      places.sections.push({ label: names.get(source) ?? source, url: partnershipUrl(source), options: [] });
    places.sections.at(-1)!.options.push(option);
  }
  const sections = new Map(places.sections.map((section) => [section.url, section]));
  for (const page of facets.pages) {
    if (page.facet === "area") {
      page.heading = `Reviews from ${page.label}`;
      page.areas = sections.get(page.url)?.options ?? [];
    } else if (page.facet === "place") {
      const source = sourceOf(page.key);
      const within = { label: names.get(source) ?? source, url: partnershipUrl(source) };
      page.heading = `Reviews in ${page.label} (${within.label})`;
      page.within = within;
    }
  }
  return facets;
}
