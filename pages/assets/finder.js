// The finder at /: one search over the reviews and the text inside their documents, with type, area, year and
// theme, the order and the page, through Pagefind's index (one record per review, its documents inside it as
// sections: src/eleventy/search-page.ts), so it works at 10 or 10,000 reviews. A query is ranked by relevance
// (a review's title weighs most, and a title the query names exactly comes first), newest first without one; the
// visitor can change the order. Each filter's options count the reviews they would give with the other filters and
// the query. Nothing acts until the visitor asks (Search or Apply filters): a select's arrow keys neither search
// nor add history. Progressive enhancement: without JavaScript the page is the newest reviews with a pager, and
// the filters' disclosure links to the filter pages. The state is in the address
// (/?type=scr&area=blackpool&q=neglect&sort=oldest&page=2; in a finder, where `area` is the partnership, also
// `place=<partnership>/<area>`), so a view can be shared. The index is found beside
// this script's folder, so the site works under any path (e.g. /review/).
const pagefindUrl = new URL("../pagefind/pagefind.js", document.currentScript.src).href;
const finderUrl = new URL("../", document.currentScript.src).href;
(() => {
  const form = document.getElementById("finder");
  if (!form || !window.finderResults) return;
  // A finder's page has "place" too: an area within a partnership, `<source>/<area>` (src/catalogue/finder-areas.ts).
  const FACETS = ["type", "area", "place", "year", "theme"].filter((facet) => document.getElementById(`filter-${facet}`));
  const SORTS = { relevance: undefined, newest: { newest: "asc" }, oldest: { newest: "desc" }, title: { title: "asc" } };
  const ORDER_WORDS = { relevance: "best match first", newest: "newest first", oldest: "oldest first", title: "by title" };
  const pageSize = Number(form.dataset.pageSize) || 20;
  const input = document.getElementById("finder-search");
  const sortSelect = document.getElementById("finder-sort");
  const selects = Object.fromEntries(FACETS.map((facet) => [facet, document.getElementById(`filter-${facet}`)]));
  const count = document.getElementById("finder-count");
  const results = document.getElementById("finder-results");
  const pager = document.getElementById("finder-pager");
  const legend = document.getElementById("finder-legend");
  const options = () => FACETS.flatMap((facet) => [...selects[facet].options].filter((o) => o.value));
  const initial = {
    count: count.textContent,
    results: [...results.childNodes],
    pager: [...pager.childNodes],
    counts: new Map(options().map((o) => [o, o.textContent])),
  };
  const bestMatch = Object.assign(document.createElement("option"), { value: "relevance", textContent: "Best match" });

  for (const el of form.querySelectorAll(".finder-js")) el.hidden = false;
  for (const el of form.querySelectorAll(".finder-nojs")) el.hidden = true;
  // site.css draws the search and, on a wide screen, the filters open from the first paint; from here this script decides.
  const filtersBox = document.getElementById("finder-filters");
  if (window.matchMedia("(min-width: 40rem)").matches) filtersBox.open = true;
  filtersBox.dataset.ready = "";

  /** "Best match" is an order only a query has. */
  const offerBestMatch = (offer) => {
    if (offer && !bestMatch.parentNode) sortSelect.prepend(bestMatch);
    if (!offer) bestMatch.remove();
  };
  const defaultSort = (q) => (q ? "relevance" : "newest");
  /** The view the address asks for; values the page does not offer are ignored. */
  const stateFromUrl = () => {
    const params = new URL(location.href).searchParams;
    const offered = (select, value) => (value && [...select.options].some((o) => o.value === value) ? value : "");
    const q = (params.get("q") ?? "").trim();
    offerBestMatch(Boolean(q));
    const state = { q, sort: offered(sortSelect, params.get("sort")) || defaultSort(q) };
    for (const facet of FACETS) state[facet] = offered(selects[facet], params.get(facet));
    state.page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
    return state;
  };
  let applied = stateFromUrl();
  const stateFromForm = () => {
    const q = input.value.trim();
    let sort = sortSelect.value;
    // A new query is ranked by relevance unless the visitor chose an order; without a query there is no best match.
    if (q && !applied.q && sort === "newest") sort = "relevance";
    if (!q && sort === "relevance") sort = "newest";
    const state = { q, sort, page: 1 };
    for (const facet of FACETS) state[facet] = selects[facet].value;
    return state;
  };
  const showInForm = (state) => {
    input.value = state.q;
    offerBestMatch(Boolean(state.q));
    sortSelect.value = state.sort;
    for (const facet of FACETS) selects[facet].value = state[facet];
  };
  /** The address of a view: only what differs from the default, so the plain list stays at /. */
  const urlOf = (state) => {
    const url = new URL(finderUrl);
    if (state.q) url.searchParams.set("q", state.q);
    for (const facet of FACETS) if (state[facet]) url.searchParams.set(facet, state[facet]);
    if (state.sort !== defaultSort(state.q)) url.searchParams.set("sort", state.sort);
    if (state.page > 1) url.searchParams.set("page", String(state.page));
    return url;
  };
  const isDefault = (state) => !state.q && FACETS.every((facet) => !state[facet]) && state.sort === "newest" && state.page === 1;

  /** Each option's count: the reviews it would give with the query and the other filters chosen (so a chosen filter's own options count without it). */
  const showCounts = async (state, filtersOf, main) => {
    const counts = {};
    for (const facet of FACETS) {
      const without = state[facet] ? await pagefind.search(state.q || null, { filters: filtersOf(state, facet) }) : main;
      counts[facet] = without?.filters?.[facet] ?? {};
    }
    for (const facet of FACETS)
      for (const option of [...selects[facet].options].filter((o) => o.value))
        option.textContent = `${option.dataset.label} (${counts[facet][option.dataset.filter] ?? 0})`;
  };
  /** A review whose title is the query (case and spaces aside) comes first on the first page. */
  const nameFirst = (data, state) => {
    const name = (text) => text.toLowerCase().replace(/\s+/g, " ").trim();
    const exact = data.findIndex((result) => name(result.meta.title ?? "") === name(state.q));
    if (state.sort === "relevance" && state.page === 1 && exact > 0) data.unshift(...data.splice(exact, 1));
    return data;
  };

  let pagefind;
  let latest = 0;
  const show = async (state) => {
    const run = ++latest;
    if (isDefault(state)) {
      results.replaceChildren(...initial.results);
      pager.replaceChildren(...initial.pager);
      for (const [option, text] of initial.counts) option.textContent = text;
      legend.hidden = false;
      count.textContent = initial.count;
      return;
    }
    try {
      pagefind ??= await import(pagefindUrl);
      // Loads the filters, so that every search's answer counts them.
      await pagefind.filters();
    } catch {
      count.textContent = "Search and combined filters are not available at the moment. Use the filter pages instead.";
      return;
    }
    const filtersOf = (s, except) => {
      const filters = {};
      for (const facet of FACETS)
        if (s[facet] && facet !== except) filters[facet] = selects[facet].querySelector(`option[value="${CSS.escape(s[facet])}"]`).dataset.filter;
      return filters;
    };
    const search = await pagefind.search(state.q || null, { filters: filtersOf(state), sort: SORTS[state.sort] });
    // HOOK (a finder only): the search inside every source's reports (pages/assets/source-search.js, merged Pagefind
    // indexes) may add its results here, for reviews this finder lists today only; a partnership's site has none.
    const found =
      (await window.finderSourceSearch?.(state, search?.results ?? [], { pagefind, filters: filtersOf(state), sort: SORTS[state.sort] })) ??
      search?.results ??
      [];
    const pageCount = Math.max(1, Math.ceil(found.length / pageSize));
    const page = Math.min(state.page, pageCount);
    const slice = found.slice((page - 1) * pageSize, page * pageSize);
    const data = nameFirst(await Promise.all(slice.map((result) => result.data())), { ...state, page });
    if (run !== latest) return;
    await showCounts(state, filtersOf, search);
    if (run !== latest) return;
    results.replaceChildren(window.finderResults.list(data));
    pager.replaceChildren(...window.finderResults.pager((n) => urlOf({ ...state, page: n }).href, page, pageCount));
    // The notes explain the marks of the plain list; results state a review's status in words instead.
    legend.hidden = true;
    const label = (facet) => selects[facet].selectedOptions[0]?.dataset.label;
    // An area within a partnership is named with its partnership: its group's label.
    const words = { label, within: state.place && selects.place.selectedOptions[0]?.parentElement.label, order: ORDER_WORDS[state.sort] };
    count.textContent = window.finderResults.describe(found.length, state, words, (page - 1) * pageSize + 1, (page - 1) * pageSize + slice.length, pageCount);
  };

  /** Only Search and Apply filters act (and the Enter key in the search box): a new view is a new history entry, the same one is not. */
  const apply = () => {
    const state = stateFromForm();
    showInForm(state);
    const url = urlOf(state);
    if (url.href === new URL(location.href).href) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
    applied = state;
    show(state);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  document.getElementById("finder-clear").addEventListener("click", (event) => {
    event.preventDefault();
    form.reset();
    input.value = "";
    apply();
  });
  window.addEventListener("popstate", () => {
    applied = stateFromUrl();
    showInForm(applied);
    show(applied);
  });
  showInForm(applied);
  if (!isDefault(applied)) show(applied);
})();
