// How the finder at / shows its results (used by finder.js, loaded before it): the count in words, one item per review, an excerpt of its
// own words when they matched beyond its title, its matching documents under it with Pagefind's excerpts, and the pager. Every element is made with the
// DOM; nothing from the data is parsed as HTML. An excerpt is Pagefind's text with <mark> around matched words:
// it is taken apart into text and <mark> elements only, its entities decoded, any other markup dropped.
window.finderResults = (() => {
  const element = (tag, props = {}, children = []) => {
    const el = Object.assign(document.createElement(tag), props);
    el.append(...children);
    return el;
  };
  const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
  const decode = (text) =>
    text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
      if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  /** Pagefind's excerpt as nodes: text, and <mark> elements holding text. */
  const excerptNodes = (html) => {
    const nodes = [];
    let marked = false;
    for (const part of String(html).split(/(<\/?mark>)/i)) {
      if (/^<mark>$/i.test(part)) marked = true;
      else if (/^<\/mark>$/i.test(part)) marked = false;
      else {
        const text = decode(part.replace(/<[^>]*>?/g, ""));
        if (text) nodes.push(marked ? element("mark", { textContent: text }) : document.createTextNode(text));
      }
    }
    return nodes;
  };

  const metaRow = (term, value) => element("div", {}, [element("dt", { textContent: term }), element("dd", { textContent: value })]);
  /** The documents of a result whose text matched: each one's place on the review page (or its HTML version) and excerpt. */
  const documentsOf = (result) => {
    const base = new URL(result.url, location.href);
    return (result.sub_results ?? [])
      .filter((sub) => /^document-\d+$/.test(sub.anchor?.id ?? ""))
      .map((sub) => {
        const own = result.meta[`link-${sub.anchor.id}`];
        const href = own ? new URL(own, base).pathname : sub.url;
        const excerpt = element("p", { className: "result-excerpt" }, excerptNodes(sub.excerpt));
        return element("li", {}, [element("a", { href, textContent: sub.title }), excerpt]);
      });
  };
  /** Letters and digits of a word, lower case: how a marked word is compared with the title's. */
  const bare = (word) => word.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  /**
   * The part of Pagefind's excerpt of a review's own words that the result does not already show: from its themes or
   * summary on. A review's record reads "Title. Type (CSPR), Area. Published …. Status: …. Note: …. Themes: ….
   * Summary. …" (src/catalogue/search-records.ts); the title and details before the themes are in the result's
   * heading and list, so an excerpt of them alone says nothing new.
   */
  const beyondDetails = (excerpt) => {
    const starts = ["Themes: ", "Summary. "].map((label) => excerpt.indexOf(label)).filter((at) => at >= 0);
    if (starts.length) return excerpt.slice(Math.min(...starts));
    return /\bStatus: /.test(excerpt) ? "" : excerpt;
  };
  /**
   * The excerpt of the review's themes and summary when they matched a word its title does not hold: a match in the
   * summary is shown as a document's is; a match in the title or the details alone needs no excerpt.
   */
  const ownExcerpt = (result) => {
    const own = (result.sub_results ?? []).find((sub) => !/^document-\d+$/.test(sub.anchor?.id ?? ""));
    const html = beyondDetails(String(own?.excerpt ?? ""));
    const title = new Set(
      String(result.meta.title ?? "")
        .split(/\s+/)
        .map(bare),
    );
    const marked = [...html.matchAll(/<mark>(.*?)<\/mark>/gi)].map((match) => bare(match[1]));
    if (!marked.some((word) => word && !title.has(word))) return [];
    const excerpt = element("p", { className: "result-excerpt" }, excerptNodes(html));
    return [
      element("div", { className: "result-own" }, [element("p", { className: "result-found", textContent: "Found in its themes or summary:" }), excerpt]),
    ];
  };
  const item = (result) => {
    const meta = result.meta;
    // A finder's records name the partnership too (src/catalogue/search-records.ts).
    const rows = [
      metaRow("Type", meta.type),
      ...(meta.partnership ? [metaRow("Partnership", meta.partnership)] : []),
      metaRow("Area", meta.area),
      metaRow("Published", meta.published),
    ];
    if (meta.status) rows.push(metaRow("Status", meta.status));
    const title = element("h3", { className: "review-title" }, [element("a", { href: result.url, textContent: meta.title })]);
    const children = [title, element("dl", { className: "review-meta" }, rows), ...ownExcerpt(result)];
    const documents = documentsOf(result);
    if (documents.length) {
      const found = documents.length === 1 ? "Found in this document:" : "Found in these documents:";
      children.push(element("p", { className: "result-found", textContent: found }), element("ul", { className: "result-documents" }, documents));
    }
    return element("li", { className: "review-item" }, children);
  };
  const list = (data) => {
    const ol = element("ol", { className: "review-list" }, data.map(item));
    ol.setAttribute("role", "list");
    return ol;
  };
  const pager = (hrefOf, page, pageCount) => {
    if (pageCount < 2) return [];
    const items = [];
    if (page > 1) items.push(element("li", {}, [element("a", { href: hrefOf(page - 1), rel: "prev", textContent: "Previous page" })]));
    const current = element("li", { textContent: `Page ${page} of ${pageCount}` });
    current.setAttribute("aria-current", "page");
    items.push(current);
    if (page < pageCount) items.push(element("li", {}, [element("a", { href: hrefOf(page + 1), rel: "next", textContent: "Next page" })]));
    const nav = element("nav", { className: "pager" }, [element("ul", {}, items)]);
    nav.setAttribute("aria-label", "Pages of results");
    return [nav];
  };
  /**
   * The count in words: "3 reviews match: Serious Case Reviews, in Blackpool, on the theme neglect, containing “child”."
   * `label(facet)` names the option chosen; `within`, the partnership of the area within a partnership chosen (in a
   * finder), which may not be the partnership chosen: then nothing can match, and it says what to choose instead.
   */
  const describe = (total, state, { label, within, order }, first, last, pageCount) => {
    const elsewhere = state.area && state.place && !state.place.startsWith(`${state.area}/`);
    const parts = [];
    if (state.type) parts.push(label("type"));
    if (state.area && (!state.place || elsewhere)) parts.push(`in ${label("area")}`);
    if (state.place) parts.push(`in ${label("place")} (${within})`);
    if (state.year) parts.push(`published in ${label("year")}`);
    if (state.theme) parts.push(`on the theme ${label("theme")}`);
    if (state.q) parts.push(`containing “${state.q}”`);
    const what = total === 0 ? "No reviews match" : total === 1 ? "1 review matches" : `${total} reviews match`;
    const which = parts.length ? `: ${parts.join(", ")}.` : ".";
    if (total === 0 && elsewhere)
      return `${what}${which} ${label("place")} is an area of ${within}, not of ${label("area")}: choose ${within} or any partnership.`;
    if (total === 0) return `${what}${which} Try fewer filters or other words.`;
    const shown = pageCount > 1 ? ` Showing ${first} to ${last}, ${order}.` : ` Shown ${order}.`;
    return `${what}${which}${shown}`;
  };
  return { list, pager, excerptNodes, describe };
})();
