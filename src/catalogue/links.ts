import { RESERVED_IDS } from "../model/review.ts";
import { absoluteUrl, pathPrefix } from "./addresses.ts";

/** The only schemes a link in maintainers' Markdown may have; a relative link takes the page's (https:). */
const ALLOWED_SCHEMES = new Set(["https:", "http:", "mailto:", "tel:"]);

/** What a link needs to know of the site: its public address (path and all), which reviews are on it, and which filter pages. */
export interface LinkSite {
  siteUrl: string;
  isListed: (id: string) => boolean;
  /** Whether the build makes a filter page (`/reviews/theme/neglect/`, `/reviews/year/2025/page/2/`). */
  isFilterPage: (address: string) => boolean;
}

/**
 * Whether a link may be made to `href` at all, read as a browser reads it (the
 * WHATWG URL parser: leading spaces, tabs and case do not hide a scheme): only
 * `https:`, `http:`, `mailto:`, `tel:` and relative addresses. markdown-it's own
 * check lets `data:image/…`, `blob:`, `intent:` and any other scheme through.
 */
export function allowedLink(href: string): boolean {
  try {
    return ALLOWED_SCHEMES.has(new URL(href, "https://site.invalid/").protocol);
  } catch {
    return false;
  }
}

/** `%XX` runs decoded where they are valid UTF-8; the rest left as written. */
function lenientDecode(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * A path's segments as a lenient web server reads them: each decoded (`%2e`,
 * `%2F`, `%5C` included), `/` and `\` both separators, empty segments merged,
 * `.` and `..` resolved. `folder` when it names a folder (ends in `/`).
 */
function segmentsOf(pathname: string): { segments: string[]; folder: boolean } {
  const segments: string[] = [];
  let folder = false;
  for (const part of pathname.split("/").flatMap((raw) => lenientDecode(raw).split(/[/\\]/))) {
    folder = part === "" || part === "." || part === "..";
    if (part === "..") segments.pop();
    else if (!folder) segments.push(part);
  }
  return { segments, folder };
}

/** A site address from its decoded segments, each encoded as one segment. */
function address(segments: string[], folder: boolean): string {
  const path = segments.map(encodeURIComponent).join("/");
  return `/${path}${path && folder ? "/" : ""}`;
}

/** The site's path (`/lscp/review/`) as segments. */
const prefixOf = (siteUrl: string) => pathPrefix(siteUrl).split("/").filter(Boolean);

/** Whether `segments` begin with the site's path, segment by segment (so `/reviewer/` does not begin with `/review/`). */
const startsWith = (segments: string[], prefix: string[]) => prefix.every((part, i) => segments[i]?.toLowerCase() === part.toLowerCase());

/**
 * Whether a root-relative link (written without its leading `/`) already holds the site's path, as one copied
 * from the address bar does (`/review/reviews/child-h/` on a site at `/review/`): it begins with that path, and
 * is not an address in the site's own `reviews` folder (on a site at `/reviews/`, `/reviews/child-h/` is the review).
 */
function holdsSitePath(rest: string, siteUrl: string): boolean {
  const prefix = prefixOf(siteUrl);
  const { segments } = segmentsOf(`/${rest.replace(/[?#].*$/s, "")}`);
  return prefix.length > 0 && startsWith(segments, prefix) && segments[0]?.toLowerCase() !== "reviews";
}

/**
 * The address a browser would go to from `written` on the page `pageAddress`:
 * a root-relative link is a site address (Eleventy's HTML base plugin puts the
 * site's path before it) unless it already holds that path, a relative one is
 * read against the page, and a leading `\` or `%5C` counts as a `/`, as some servers take it.
 */
function resolve(written: string, pageAddress: string, siteUrl: string): { url: URL; relative: boolean } {
  const leading = /^(?:[/\\]|%5c)+/i.exec(written)?.[0] ?? "";
  const separators = leading.replace(/%5c/gi, "\\").length;
  const rest = written.slice(leading.length);
  if (separators === 1 && holdsSitePath(rest, siteUrl)) return { url: new URL(`/${rest}`, new URL(siteUrl).origin), relative: true };
  if (separators === 1) return { url: new URL(absoluteUrl(siteUrl, `/${rest}`)), relative: true };
  if (separators > 1) return { url: new URL(`//${rest}`, absoluteUrl(siteUrl, pageAddress)), relative: false };
  return { url: new URL(written, absoluteUrl(siteUrl, pageAddress)), relative: !/^[a-z][a-z0-9+.-]*:/i.test(written) };
}

/**
 * A link as `linkTarget` wrote it, in full (`https://<site and its path>/reviews/…`),
 * for a feed: a feed reader reads a root-relative or `#` link against the
 * feed's own address, which knows nothing of the site's path or the page.
 */
export function linkInFull(target: string, pageAddress: string, siteUrl: string): string {
  if (target === "" || target.startsWith("#")) return absoluteUrl(siteUrl, pageAddress) + target;
  return target.startsWith("/") ? absoluteUrl(siteUrl, target) : target;
}

/**
 * What a link in a summary or an HTML version becomes: the address to link to,
 * or null to keep only its text. Every link is resolved against the page it is
 * shown on and the site's `url` (with its path), normalised as a lenient web
 * server would (`//`, dot segments, `%2e`, `%2F`, backslashes, `index.html`,
 * the case of `reviews` and of the id), and then:
 *
 * - a scheme other than `https:`, `http:`, `mailto:` or `tel:`: text;
 * - a link into the site to a review that is not listed, or to a filter page
 *   (`/reviews/theme/…`) that the build does not make (its last review has
 *   left): text, in any spelling;
 * - a root-relative link that already holds the site's path (`/review/reviews/…`
 *   on a site at `/review/`, as copied from the address bar): read as such, not given it twice;
 * - any other link into the site: its canonical site address (`/reviews/<id>/…`,
 *   root-relative, which the HTML base plugin prefixes), so it resolves from
 *   every page the HTML is shown on and the nightly's link check reads it;
 * - a link elsewhere (the site's own domain outside its path included): as
 *   written, or in full if it was written relative;
 * - a link to a place on the same page (`#…`): as written.
 */
export function linkTarget(href: string, pageAddress: string, site: LinkSite): string | null {
  // As the URL parser reads an attribute: surrounding spaces and controls dropped, tabs and line breaks removed.
  const written = href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  if (!allowedLink(written)) return null;
  if (written === "" || written.startsWith("#")) return href;
  let url: URL;
  let relative: boolean;
  try {
    ({ url, relative } = resolve(written, pageAddress, site.siteUrl));
  } catch {
    return null;
  }
  if (!ALLOWED_SCHEMES.has(url.protocol)) return null;
  const home = new URL(site.siteUrl);
  const sameHost = (url.protocol === "https:" || url.protocol === "http:") && url.host.replace(/\.$/, "") === home.host;
  const prefix = prefixOf(site.siteUrl);
  const { segments, folder } = segmentsOf(url.pathname);
  const inside = sameHost && startsWith(segments, prefix);
  if (!inside) return relative ? url.href : href;

  const rest = segments.slice(prefix.length);
  let isFolder = folder || rest.length === 0;
  if (rest.length > 0 && rest.at(-1)!.toLowerCase() === "index.html") {
    rest.pop();
    isFolder = true;
  }
  if (rest.length >= 2 && rest[0]!.toLowerCase() === "reviews") {
    const id = rest[1]!.toLowerCase();
    const filter = (RESERVED_IDS as readonly string[]).includes(id);
    if (!filter && !site.isListed(id)) return null;
    rest[0] = "reviews";
    rest[1] = id;
    // A review's address and every filter page are folders: `/reviews/child-a` is `/reviews/child-a/`.
    if (rest.length === 2 || filter) isFolder = true;
    if (filter && !site.isFilterPage(address(rest, isFolder))) return null;
  }
  return `${address(rest, isFolder)}${url.search}${url.hash}`;
}
