import { themeKey } from "../model/theme-key.ts";
import type { SiteSettings } from "../model/site-settings.ts";
import type { ReviewType } from "../model/review.ts";
import type { ReviewView } from "./views.ts";
import { facetCountText, yearCountText } from "./wording.ts";

/** The ways a visitor can narrow the list, each with its own pages under /reviews/<facet>/. */
export const FACETS = ["type", "area", "year", "theme"] as const;
/**
 * A finder's (src/catalogue/finder.ts): "area" is the partnership there, and "place" an area within one, its
 * value qualified by the source (`northshire/southvale`), its pages under the partnership's.
 */
export const FINDER_FACETS = ["type", "area", "place", "year", "theme"] as const;
export type Facet = (typeof FINDER_FACETS)[number];

export interface FacetLink {
  facet: Facet;
  /** The value as the query string and the page's address use it: `blackpool`, `cspr`, `2025`, `domestic-abuse`. */
  key: string;
  label: string;
  url: string;
  /** How many listed reviews the page has; filled in once the pages are known. */
  count?: number;
  /** That count in words, as a review's page says it beside the value (src/catalogue/wording.ts). */
  countText?: string;
}

export interface FilterPage<R> extends FacetLink {
  heading: string;
  reviews: R[];
  /** In a finder: an area's page, within its partnership's (the partnership's name and page). */
  within?: { label: string; url: string };
  /** In a finder: a partnership's page, with its areas' pages. */
  areas?: FacetOption[];
}

export type FacetOption = FacetLink & { count: number; filterValue: string };

export interface FacetGroup {
  facet: Facet;
  heading: string;
  options: FacetOption[];
  /** A finder's areas within a partnership: the same options, grouped by partnership (its name, its page). */
  sections?: { label: string; url: string; options: FacetOption[] }[];
}

/** A value as the review pages give it to Pagefind (`data-pagefind-filter`), which the finder's script filters by. */
export function pagefindValue(link: FacetLink): string {
  if (link.facet === "type") return link.key.toUpperCase();
  // An area's name is not unique across partnerships (two may have a "West"): its value is its qualified key.
  return link.facet === "year" || link.facet === "place" ? link.key : link.label;
}

const FACET_HEADINGS: Record<Facet, string> = {
  type: "By type",
  area: "By area",
  place: "By area within a partnership",
  year: "By year of publication",
  theme: "By theme",
};

interface Facetable {
  type: ReviewType;
  typeName: string;
  area: string;
  areaLabel: string;
  year: number | null;
  themes: string[];
}

/** The filter pages one review is on. */
export type ReviewFacetLinks = Record<"type" | "area", FacetLink> & { year: FacetLink | null; themes: FacetLink[]; place?: FacetLink };

export function facetLinks(review: Facetable): ReviewFacetLinks {
  const link = (facet: Facet, key: string, label: string): FacetLink => ({ facet, key, label, url: `/reviews/${facet}/${key}/` });
  return {
    type: link("type", review.type.toLowerCase(), `${review.typeName}s`),
    area: link("area", review.area, review.areaLabel),
    year: review.year === null ? null : link("year", String(review.year), String(review.year)),
    themes: review.themes.map((theme) => link("theme", themeKey(theme), theme)),
  };
}

function headingFor(link: FacetLink): string {
  switch (link.facet) {
    case "type":
      return link.label;
    case "area":
    case "place":
      return `Reviews in ${link.label}`;
    case "year":
      return `Reviews published in ${link.label}`;
    case "theme":
      return `Reviews on the theme “${link.label}”`;
  }
}

/**
 * The filter pages of the listed reviews: one per facet value that at least one
 * review has, each with its reviews in the listing's order, plus the groups
 * (with counts) that the listing and the browse page link to.
 */
export function buildFacets<R extends Facetable & { links: ReviewFacetLinks }>(
  listed: readonly R[],
  site: SiteSettings,
  facets: readonly Facet[] = FACETS,
): { pages: FilterPage<R>[]; groups: FacetGroup[] } {
  const pages = new Map<string, FilterPage<R>>();
  const add = (link: FacetLink | null, review: R) => {
    if (!link) return;
    let page = pages.get(link.url);
    if (!page) {
      page = { ...link, heading: headingFor(link), reviews: [] };
      pages.set(link.url, page);
    }
    // Reviews come in order, so a theme given twice in one review is the last one added.
    if (page.reviews.at(-1) !== review) page.reviews.push(review);
  };
  for (const review of listed) {
    add(review.links.type, review);
    add(review.links.area, review);
    add(review.links.place ?? null, review);
    add(review.links.year, review);
    for (const theme of review.links.themes) add(theme, review);
  }
  const areaOrder = Object.keys(site.areas);
  const byName = (a: FilterPage<R>, b: FilterPage<R>) => a.label.localeCompare(b.label, "en-GB", { sensitivity: "base" });
  const partnershipOf = (page: FilterPage<R>) => areaOrder.indexOf(page.key.slice(0, page.key.indexOf("/")));
  const order: Record<Facet, (a: FilterPage<R>, b: FilterPage<R>) => number> = {
    type: (a, b) => a.key.localeCompare(b.key),
    area: (a, b) => areaOrder.indexOf(a.key) - areaOrder.indexOf(b.key),
    // In a finder, where the areas of `site` are its partnerships: by partnership, then by name.
    place: (a, b) => partnershipOf(a) - partnershipOf(b) || byName(a, b) || a.key.localeCompare(b.key),
    year: (a, b) => Number(b.key) - Number(a.key),
    theme: byName,
  };
  const all = [...pages.values()];
  const groups = facets.map((facet) => ({
    facet,
    heading: FACET_HEADINGS[facet],
    options: all
      .filter((page) => page.facet === facet)
      .sort(order[facet])
      .map(({ facet: f, key, label, url, reviews }) => ({
        facet: f,
        key,
        label,
        url,
        count: reviews.length,
        filterValue: pagefindValue({ facet: f, key, label, url }),
      })),
  }));
  return { pages: groups.flatMap((group) => group.options.map((option) => pages.get(option.url)!)), groups };
}

/** Each review's facet links with the number of reviews on the page each one leads to, in words. */
export function countLinks(listed: readonly ReviewView[], pages: readonly { url: string; reviews: readonly unknown[] }[]): void {
  const counts = new Map(pages.map((page) => [page.url, page.reviews.length]));
  for (const review of listed) {
    const { type, area, year, themes, place } = review.links;
    for (const link of [type, area, place, year, ...themes]) if (link) link.count = counts.get(link.url)!;
    for (const link of [type, area, place, ...themes]) if (link) link.countText = facetCountText(link.count!);
    if (year) year.countText = yearCountText(year.count!, review.year!);
  }
}
