// The finder at /: a text search, type, area, year and theme, the order and the page, combined with
// Pagefind's index (built after Eleventy into /pagefind/; the review pages carry data-pagefind-filter,
// -meta and -sort), so it works at 10 or 10,000 reviews. Progressive enhancement: without JavaScript the
// page is the newest reviews with a pager, and the filters' disclosure links to the filter pages.
// The state is in the address (/?type=scr&area=blackpool&q=neglect&sort=oldest&page=2), so a view can be
// shared. The index is found beside this script's folder, so the site works under any path (e.g. /review/).
const pagefindUrl = new URL("../pagefind/pagefind.js", document.currentScript.src).href;
const finderUrl = new URL("../", document.currentScript.src).href;
(() => {
  const form = document.getElementById("finder");
  if (!form) return;
  const FACETS = ["type", "area", "year", "theme"];
  const SORTS = { newest: { newest: "asc" }, oldest: { newest: "desc" }, title: { title: "asc" } };
  const ORDER_WORDS = { newest: "newest first", oldest: "oldest first", title: "by title" };
  const pageSize = Number(form.dataset.pageSize) || 20;
  const input = document.getElementById("finder-search");
  const sortSelect = document.getElementById("finder-sort");
  const selects = Object.fromEntries(FACETS.map((facet) => [facet, document.getElementById(`filter-${facet}`)]));
  const count = document.getElementById("finder-count");
  const results = document.getElementById("finder-results");
  const pager = document.getElementById("finder-pager");
  const legend = document.getElementById("finder-legend");
  const initial = { count: count.textContent, results: [...results.childNodes], pager: [...pager.childNodes] };

  for (const el of form.querySelectorAll(".finder-js")) el.hidden = false;
  for (const el of form.querySelectorAll(".finder-nojs")) el.hidden = true;
  if (window.matchMedia("(min-width: 40rem)").matches) document.getElementById("finder-filters").open = true;

  /** The view the address asks for; values the page does not offer are ignored. */
  const stateFromUrl = () => {
    const params = new URL(location.href).searchParams;
    const offered = (select, value) => (value && [...select.options].some((o) => o.value === value) ? value : "");
    const state = { q: (params.get("q") ?? "").trim(), sort: offered(sortSelect, params.get("sort")) || "newest" };
    for (const facet of FACETS) state[facet] = offered(selects[facet], params.get(facet));
    state.page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
    return state;
  };
  const stateFromForm = () => {
    const state = { q: input.value.trim(), sort: sortSelect.value, page: 1 };
    for (const facet of FACETS) state[facet] = selects[facet].value;
    return state;
  };
  const showInForm = (state) => {
    input.value = state.q;
    sortSelect.value = state.sort;
    for (const facet of FACETS) selects[facet].value = state[facet];
  };
  /** The address of a view: only what differs from the default, so the plain list stays at /. */
  const urlOf = (state) => {
    const url = new URL(finderUrl);
    if (state.q) url.searchParams.set("q", state.q);
    for (const facet of FACETS) if (state[facet]) url.searchParams.set(facet, state[facet]);
    if (state.sort !== "newest") url.searchParams.set("sort", state.sort);
    if (state.page > 1) url.searchParams.set("page", String(state.page));
    return url;
  };
  const isDefault = (state) => !state.q && FACETS.every((facet) => !state[facet]) && state.sort === "newest" && state.page === 1;

  /** "3 reviews match: Serious Case Reviews, in Blackpool, on the theme neglect, containing “child”." */
  const describe = (total, state, first, last, pageCount) => {
    const label = (facet) => selects[facet].selectedOptions[0]?.dataset.label;
    const parts = [];
    if (state.type) parts.push(label("type"));
    if (state.area) parts.push(`in ${label("area")}`);
    if (state.year) parts.push(`published in ${label("year")}`);
    if (state.theme) parts.push(`on the theme ${label("theme")}`);
    if (state.q) parts.push(`containing “${state.q}”`);
    const what = total === 0 ? "No reviews match" : total === 1 ? "1 review matches" : `${total} reviews match`;
    const which = parts.length ? `: ${parts.join(", ")}.` : ".";
    if (total === 0) return `${what}${which} Try fewer filters or other words.`;
    const shown = pageCount > 1 ? ` Showing ${first} to ${last}, ${ORDER_WORDS[state.sort]}.` : ` Shown ${ORDER_WORDS[state.sort]}.`;
    return `${what}${which}${shown}`;
  };

  const element = (tag, props = {}, children = []) => {
    const el = Object.assign(document.createElement(tag), props);
    el.append(...children);
    return el;
  };
  const metaRow = (term, value) => element("div", {}, [element("dt", { textContent: term }), element("dd", { textContent: value })]);
  const item = (result) => {
    const meta = result.meta;
    const rows = [metaRow("Type", meta.type), metaRow("Area", meta.area), metaRow("Published", meta.published)];
    if (meta.status) rows.push(metaRow("Status", meta.status));
    const title = element("h3", { className: "review-title" }, [element("a", { href: result.url, textContent: meta.title })]);
    return element("li", { className: "review-item" }, [title, element("dl", { className: "review-meta" }, rows)]);
  };
  const pagerFor = (state, page, pageCount) => {
    if (pageCount < 2) return [];
    const items = [];
    if (page > 1) items.push(element("li", {}, [element("a", { href: urlOf({ ...state, page: page - 1 }).href, rel: "prev", textContent: "Previous page" })]));
    const current = element("li", { textContent: `Page ${page} of ${pageCount}` });
    current.setAttribute("aria-current", "page");
    items.push(current);
    if (page < pageCount)
      items.push(element("li", {}, [element("a", { href: urlOf({ ...state, page: page + 1 }).href, rel: "next", textContent: "Next page" })]));
    const nav = element("nav", { className: "pager" }, [element("ul", {}, items)]);
    nav.setAttribute("aria-label", "Pages of results");
    return [nav];
  };

  let pagefind;
  let latest = 0;
  const show = async (state) => {
    const run = ++latest;
    if (isDefault(state)) {
      results.replaceChildren(...initial.results);
      pager.replaceChildren(...initial.pager);
      legend.hidden = false;
      count.textContent = initial.count;
      return;
    }
    try {
      pagefind ??= await import(pagefindUrl);
    } catch {
      count.textContent = "Search and combined filters are not available at the moment. Use the filter pages instead.";
      return;
    }
    const filters = {};
    for (const facet of FACETS) if (state[facet]) filters[facet] = selects[facet].selectedOptions[0].dataset.filter;
    const search = await pagefind.search(state.q || null, { filters, sort: SORTS[state.sort] });
    const found = search?.results ?? [];
    const pageCount = Math.max(1, Math.ceil(found.length / pageSize));
    const page = Math.min(state.page, pageCount);
    const slice = found.slice((page - 1) * pageSize, page * pageSize);
    const data = await Promise.all(slice.map((result) => result.data()));
    if (run !== latest) return;
    results.replaceChildren(element("ol", { className: "review-list" }, data.map(item)));
    results.firstChild.setAttribute("role", "list");
    pager.replaceChildren(...pagerFor(state, page, pageCount));
    // The notes explain the marks of the plain list; results state a review's status in words instead.
    legend.hidden = true;
    count.textContent = describe(found.length, state, (page - 1) * pageSize + 1, (page - 1) * pageSize + slice.length, pageCount);
  };

  const apply = () => {
    const state = stateFromForm();
    history.pushState(null, "", urlOf(state));
    show(state);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  for (const select of [...Object.values(selects), sortSelect]) select.addEventListener("change", apply);
  document.getElementById("finder-clear").addEventListener("click", (event) => {
    event.preventDefault();
    form.reset();
    apply();
  });
  window.addEventListener("popstate", () => {
    const state = stateFromUrl();
    showInForm(state);
    show(state);
  });
  const state = stateFromUrl();
  showInForm(state);
  if (!isDefault(state)) show(state);
})();
