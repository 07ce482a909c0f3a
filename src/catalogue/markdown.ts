import slugify from "@sindresorhus/slugify";
import MarkdownIt, { type StateCore } from "markdown-it";
import { allowedLink, type LinkSite, linkInFull, linkTarget } from "./links.ts";

/** A renderer's site; what is not given (tests of Markdown alone) is a site where every review and filter page is listed. */
function linkSite({ siteUrl = "https://site.invalid", isListed = () => true, isFilterPage = () => true }: Partial<LinkSite>): LinkSite {
  return { siteUrl, isListed, isFilterPage };
}

/**
 * One markdown-it set-up for every text maintainers write: raw HTML off, no
 * images, links only to safe schemes (`https:`, `http:`, `mailto:`, `tel:`,
 * relative), and every link decided by `linkTarget` against the address of the
 * page it is shown on (`env.pageAddress`).
 */
function safeMarkdown(site: LinkSite) {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
  md.disable(["image"]);
  // Also used for autolinks and linkify's bare addresses: anything it refuses stays text.
  md.validateLink = allowedLink;
  md.core.ruler.push("site_links", (state) => decideLinks(state, site));
  return md;
}

/**
 * Markdown for review summaries, written by maintainers in `_data/reviews.json`,
 * shown on the review's page (`pageAddress`, `/reviews/<id>/`). Raw HTML is off
 * (it is shown as text), links are limited to `https:`, `http:`, `mailto:`,
 * `tel:` and relative addresses, images are off (no third-party requests, no
 * missing alt text), and headings start at level 3 so that they sit under the
 * page's own h1 and h2.
 *
 * A link to a review that is not listed (removed, or not yet published) is kept
 * as its text only, however it is written (relative, absolute, with the site's
 * path, `index.html`, `//`, `%2e`, …: see `linkTarget`), so one review's summary
 * can never keep another's page, anchor or document reachable, nor break the
 * night's link check on the day that review leaves; so is a link to a filter
 * page the build does not make. A link into the site is written as its
 * canonical root-relative address.
 */
export function createSummaryRenderer(links: Partial<LinkSite> = {}): (markdown: string, pageAddress?: string, options?: { inFull?: boolean }) => string {
  const md = safeMarkdown(linkSite(links));
  md.core.ruler.push("shift_headings", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        const level = Math.min(6, Number(token.tag.slice(1)) + 2);
        token.tag = `h${level}`;
      }
    }
  });
  return (markdown, pageAddress = "/", { inFull = false } = {}) => md.render(markdown, { pageAddress, inFull });
}

/** Each link becomes what `linkTarget` says: its address (in full for a feed, `env.inFull`), or (null) its text alone. */
function decideLinks(state: StateCore, site: LinkSite): void {
  const pageAddress = String(state.env?.pageAddress ?? "/");
  const inFull = state.env?.inFull === true;
  for (const block of state.tokens) {
    if (!block.children) continue;
    const dropped: number[] = [];
    block.children = block.children.filter((token) => {
      if (token.type === "link_open") {
        const target = linkTarget(String(token.attrGet("href") ?? ""), pageAddress, site);
        if (target !== null) token.attrSet("href", inFull ? linkInFull(target, pageAddress, site.siteUrl) : target);
        dropped.push(target === null ? 1 : 0);
        return target !== null;
      }
      if (token.type === "link_close") return dropped.pop() !== 1;
      return true;
    });
  }
}

/** An HTML version of a document: its body, and the contents list of its second-level headings. */
export interface RenderedDocument {
  html: string;
  contents: { id: string; text: string }[];
}

/**
 * Markdown documents (`reviews/<id>/<name>.md`), published as HTML pages at
 * `pageAddress` (`/reviews/<id>/<name>/`, which relative links are read
 * against); links are decided as in summaries. The page's h1 is the document's
 * title, so a Markdown `#` heading becomes an h2; every h2 gets an id and a
 * place in the contents list.
 */
export function createDocumentRenderer(links: Partial<LinkSite> = {}): (markdown: string, pageAddress?: string) => RenderedDocument {
  const md = safeMarkdown(linkSite(links));
  return (markdown, pageAddress = "/") => {
    const env = { pageAddress };
    const tokens = md.parse(markdown, env);
    const contents: RenderedDocument["contents"] = [];
    const used = new Set<string>(["main", "contents"]);
    tokens.forEach((token, i) => {
      if (token.type !== "heading_open" && token.type !== "heading_close") return;
      if (token.tag === "h1") token.tag = "h2";
      if (token.type !== "heading_open" || token.tag !== "h2") return;
      const text = tokens[i + 1]?.content ?? "";
      const base = slugify(text) || "section";
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      token.attrSet("id", id);
      contents.push({ id, text });
    });
    return { html: md.renderer.render(tokens, md.options, env), contents };
  };
}
