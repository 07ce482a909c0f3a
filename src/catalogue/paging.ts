/** Reviews a list page holds at most, so that pages stay small however many reviews there are. */
export const PAGE_SIZE = 50;

export interface Paged<T> {
  items: T[];
  /** 1-based. */
  pageNumber: number;
  pageCount: number;
  /** This page's address: the base for page 1, `<base>page/N/` after it. */
  url: string;
  previousUrl: string | null;
  nextUrl: string | null;
  /** "Page 2 of 7". */
  label: string;
}

/** The address of page `n` of a list whose first page is `base` (ending in `/`). */
export function pageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

/** Split a list into pages of `size`; an empty list is one empty page. */
export function paginate<T>(items: readonly T[], base: string, size = PAGE_SIZE): Paged<T>[] {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pageCount }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    pageNumber: i + 1,
    pageCount,
    url: pageUrl(base, i + 1),
    previousUrl: i > 0 ? pageUrl(base, i) : null,
    nextUrl: i + 1 < pageCount ? pageUrl(base, i + 2) : null,
    label: `Page ${i + 1} of ${pageCount}`,
  }));
}
