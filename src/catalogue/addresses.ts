/**
 * The absolute address of a site address (`/reviews/x/`) on the public site,
 * which may live under a path of its own domain (`https://example.org/review`):
 * the site's path is kept, as a browser would not keep it for `/reviews/x/`.
 */
export function absoluteUrl(siteUrl: string, address: string): string {
  return new URL(address.replace(/^\//, ""), siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`).href;
}

/** The path the site lives under, from its public address: `/` or `/review/`. */
export function pathPrefix(siteUrl: string): string {
  const { pathname } = new URL(siteUrl);
  return pathname.endsWith("/") ? pathname : `${pathname}/`;
}
