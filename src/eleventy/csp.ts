import type { Source } from "../sources/source-list.ts";

/**
 * The Content-Security-Policy every page carries in a `<meta http-equiv>`, so
 * that it holds on hosts that cannot set headers (GitHub Pages): scripts and
 * styles only from the site itself, no inline script or style, no plugins, no
 * `<base>` from elsewhere, forms only to the site. Pagefind's search compiles
 * WebAssembly, hence `'wasm-unsafe-eval'` (which allows no JavaScript eval).
 * Trusted Types are required (`require-trusted-types-for 'script'`): a string reaches a script sink (innerHTML,
 * a script's src, `new Worker`) only through a policy, and the one policy allowed is the site's `default`
 * (pages/assets/trusted-types.js), which lets Pagefind start its own web worker and nothing else.
 * Hosts that can set headers add `frame-ancestors 'none'` and the rest
 * (deploy/_headers, deploy/nginx/learning-reviews.conf).
 * A finder's pages add the origins of its sources to `connect-src` (finderConnectOrigins).
 */
export function contentSecurityPolicy(connectOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self'",
    ["connect-src 'self'", ...connectOrigins].join(" "),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "require-trusted-types-for 'script'",
    "trusted-types default",
  ].join("; ");
}

/** A partnership's pages: nothing is fetched from anywhere but the site itself. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * The origins a finder's pages fetch from, beside their own, for `connect-src`: each source's feed's, where its
 * Pagefind bundle is (`pagefind/` beside the feed, src/catalogue/finder-search.ts), which the finder's search
 * inside the reports reads (pages/assets/source-search.js); a source's `site` (where its pages are) is only
 * linked to. Data only: `script-src` names no source. Sorted, each once; none for a partnership's site (no
 * sources), and none for an address that is not `https:` or `http:` (the list of sources is checked before
 * this, src/sources/source-list.ts).
 */
export function finderConnectOrigins(sources: readonly Pick<Source, "feed" | "site">[]): string[] {
  const origins = new Set<string>();
  for (const source of sources) {
    const address = source.feed;
    if (!URL.canParse(address)) continue;
    const url = new URL(address);
    if (url.protocol === "https:" || url.protocol === "http:") origins.add(url.origin);
  }
  return [...origins].sort();
}
