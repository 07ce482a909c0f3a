import { readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { Parser } from "htmlparser2";
import { globSync } from "tinyglobby";
import type { Catalogue } from "../catalogue/index.ts";
import { expectedSearchUrls, indexedUrls } from "../eleventy/search-index.ts";
import { pathPrefix } from "../catalogue/addresses.ts";
import { RESERVED_IDS } from "../model/review.ts";

/** Every file under `dir`, relative to it, with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  return globSync("**", { cwd: dir, dot: true, followSymbolicLinks: false }).sort();
}

/**
 * The addresses in a `srcset`, split as the HTML standard splits it: each
 * candidate is an address (which may itself hold commas), then optional
 * descriptors (`1x`, `480w`), and candidates are separated by commas.
 */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  const candidate = /[\s,]*(\S+)/y;
  for (let match = candidate.exec(srcset); match; match = candidate.exec(srcset)) {
    const url = match[1]!;
    if (url.endsWith(",")) {
      urls.push(url.replace(/,+$/, ""));
      continue;
    }
    urls.push(url);
    // Skip the descriptors, up to the comma that ends the candidate (a comma inside parentheses does not).
    let depth = 0;
    let at = candidate.lastIndex;
    for (; at < srcset.length; at++) {
      const c = srcset[at];
      if (c === "(") depth++;
      else if (c === ")") depth = Math.max(0, depth - 1);
      else if (c === "," && depth === 0) break;
    }
    candidate.lastIndex = at;
  }
  return urls.filter(Boolean);
}

/**
 * What a page links to (every href, src and srcset address, however quoted,
 * entities decoded) and the ids it has, read with htmlparser2: a streaming
 * parser that builds no tree, fast enough to read every page of a 10,000-review site.
 */
export function pageReferences(html: string): { links: string[]; ids: Set<string> } {
  const links: string[] = [];
  const ids = new Set<string>();
  const parser = new Parser({
    onattribute(name, value) {
      if (name === "id") ids.add(value);
      else if (name === "href" || name === "src") links.push(value);
      else if (name === "srcset") links.push(...srcsetUrls(value));
    },
  });
  parser.end(html);
  return { links, ids };
}

/**
 * Files and folders a web server running as another user could not read
 * (files need o+r, folders o+rx), the build's own folders included.
 */
export function unreadable(siteDir: string): string[] {
  const dir = realpathSync(siteDir);
  const problems: string[] = [];
  const check = (full: string, label: string) => {
    const s = statSync(full);
    const need = s.isDirectory() ? 0o005 : 0o004;
    if ((s.mode & need) !== need)
      problems.push(`${label} cannot be read by the web server (mode ${(s.mode & 0o777).toString(8)}; expected ${s.isDirectory() ? "755" : "644"}).`);
  };
  // The site folder, and the build folders holding it, which the build made.
  for (const folder of path.basename(dir) === "site" ? [path.dirname(path.dirname(dir)), path.dirname(dir), dir] : [dir]) check(folder, `The folder ${folder}`);
  for (const entry of globSync("**", { cwd: dir, dot: true, onlyFiles: false, followSymbolicLinks: false }))
    check(path.join(dir, entry), entry.replace(/\/$/, ""));
  return problems.slice(0, 20);
}

/**
 * The file a URL path is served from, as a static host would (`/a/` is
 * `a/index.html`): each segment decoded on its own, so `%2F` never makes a
 * folder. Undefined when a segment is not valid percent-encoding.
 */
function fileFor(pathname: string): string | undefined {
  let clean: string;
  try {
    const segments = pathname.replace(/^\//, "").split("/").map(decodeURIComponent);
    if (segments.some((segment) => segment.includes("/"))) return undefined;
    clean = segments.join("/");
  } catch {
    return undefined;
  }
  if (clean === "" || clean.endsWith("/")) return `${clean}index.html`;
  return clean;
}

/** `decodeURIComponent`, or undefined for text that is not valid percent-encoding. */
function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Check a finished build before it goes live. Returns problems in words; an
 * empty list means every internal link and document link resolves (anchors
 * included), every listed review has its page, and nothing of a removed or
 * not-yet-published review is in the output but a removed review's notice.
 */
export function checkBuiltSite(dir: string, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const files = listFiles(dir);
  const fileSet = new Set(files);
  const pages = new Map(files.filter((file) => file.endsWith(".html")).map((page) => [page, pageReferences(readFileSync(path.join(dir, page), "utf8"))]));

  // A site built for a path of its domain (/review/) has every address under that path.
  const prefix = pathPrefix(catalogue.site.url);
  for (const [page, { links }] of pages) {
    const pageAddress = "/" + page.replace(/(^|\/)index\.html$/, "$1");
    for (const raw of links) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith("//")) continue; // another site, mailto: or tel:
      const resolved = new URL(raw, `http://site.invalid${prefix}${pageAddress.slice(1)}`);
      if (!resolved.pathname.startsWith(prefix)) {
        problems.push(`${pageAddress} links to ${raw}, which is outside the path the site is served under (${prefix}).`);
        continue;
      }
      const target = fileFor(`/${resolved.pathname.slice(prefix.length)}`);
      const fragment = decoded(resolved.hash.slice(1));
      if (target === undefined || fragment === undefined) {
        problems.push(
          `${pageAddress} links to ${raw}, which is not a valid address: a "%" must start an encoded character (such as %25), and an encoded "/" (%2F) cannot name a file.`,
        );
        continue;
      }
      if (!fileSet.has(target)) {
        problems.push(`${pageAddress} links to ${raw}, which is not in the build.`);
        continue;
      }
      if (fragment && target.endsWith(".html") && !pages.get(target)!.ids.has(fragment)) {
        problems.push(`${pageAddress} links to ${raw}, but that page has no element with id "${fragment}".`);
      }
    }
  }

  // A finder (src/catalogue/finder.ts) makes no review pages: its entries link to the partnerships' own; its partnerships have filter pages.
  const finder = catalogue.finder !== undefined;
  const facetFolders: readonly string[] = finder ? [...RESERVED_IDS, "partnership"] : RESERVED_IDS;
  for (const review of finder ? [] : catalogue.listed) {
    if (!fileSet.has(`reviews/${review.id}/index.html`)) problems.push(`The listed review ${review.id} has no page.`);
  }
  // Nothing of a review that is not listed may be findable by search: Pagefind indexes only pages marked data-pagefind-body.
  for (const review of [...catalogue.removed, ...catalogue.scheduled]) {
    const page = `reviews/${review.id}/index.html`;
    if (fileSet.has(page) && readFileSync(path.join(dir, page), "utf8").includes("data-pagefind-body"))
      problems.push(`${page} would be indexed for search, but the review is not listed.`);
  }
  // Read the search index itself: it must hold exactly the listed reviews' pages, their HTML versions and their PDFs' text.
  const listedUrls = new Set(expectedSearchUrls(catalogue));
  const indexed = indexedUrls(dir);
  for (const url of indexed) if (!listedUrls.has(url)) problems.push(`The search index holds ${url}, which is not the page or a document of a listed review.`);
  const indexedSet = new Set(indexed);
  for (const url of listedUrls) if (!indexedSet.has(url)) problems.push(`The listed review page or document ${url} is not in the search index.`);
  // A page in a review's folder is its own page, or the HTML version of a listed review's document: nothing else.
  const htmlVersions = new Set(catalogue.htmlVersions.map((version) => fileFor(version.url)));
  for (const file of files.filter((f) => /^reviews\/[^/]+\/.+\/index\.html$/.test(f))) {
    if (!facetFolders.includes(file.split("/")[1]!) && !htmlVersions.has(file))
      problems.push(`${file} is in the build, but it is not the HTML version of a listed review's document.`);
  }
  if (!fileSet.has("pagefind/pagefind.js")) problems.push("The search index (pagefind/pagefind.js) is missing.");
  problems.push(...unreadable(dir));
  // A listed review's folder holds its documents and its citation for reference managers (citation.ris), nothing else.
  const allowedDocuments = new Set([...catalogue.documentFiles.map((file) => file.to), ...catalogue.listed.map((review) => review.citation.risUrl.slice(1))]);
  for (const file of files.filter((f) => f.startsWith("reviews/") && !f.endsWith("index.html"))) {
    if (!allowedDocuments.has(file)) problems.push(`${file} is in the build, but no listed review publishes it.`);
  }
  for (const review of catalogue.removed) {
    const folder = `reviews/${review.id}/`;
    const inFolder = files.filter((file) => file.startsWith(folder));
    if (inFolder.join() !== `${folder}index.html`)
      problems.push(`The removed review ${review.id} has more than its notice in the build: ${inFolder.join(", ")}.`);
    else if (!readFileSync(path.join(dir, folder, "index.html"), "utf8").includes('<meta name="robots" content="noindex">')) {
      problems.push(`The removal notice for ${review.id} is not marked noindex.`);
    }
  }
  const known = new Set<string>([...(finder ? [] : catalogue.listed), ...catalogue.removed].map((review) => review.id).concat(facetFolders));
  for (const folder of new Set(files.filter((f) => f.split("/").length > 2 && f.startsWith("reviews/")).map((f) => f.split("/")[1]!))) {
    if (!known.has(folder)) problems.push(`reviews/${folder}/ is in the build, but that review is neither listed nor removed.`);
  }
  return problems;
}
