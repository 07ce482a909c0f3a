// A finder's search inside the reports of every partnership it lists (issue 23): only a finder's page loads this,
// before finder.js, which calls window.finderSourceSearch with its own results for the query and filters. On a
// query, it reads /search-sources.json (each source's search index, and the reviews listed today by address),
// searches inside the sources' reports with pages/assets/source-search.js, which keeps a match only for a review
// listed today, and adds each matched review (as the finder's own index holds it, under the same filters) after the
// finder's own results, with its documents' excerpts. Nothing from a source is loaded as a script.
(() => {
  const here = document.currentScript.src;
  const configUrl = new URL("../search-sources.json", here).href;
  const moduleUrl = new URL("source-search.js", here).href;
  let ready;
  const load = () =>
    (ready ??= Promise.all([
      fetch(configUrl).then((response) => {
        if (!response.ok) throw new Error(`search-sources.json: ${response.status}`);
        return response.json();
      }),
      import(moduleUrl),
    ]).catch((error) => {
      ready = undefined;
      throw error;
    }));
  const say = (messages) => {
    const notice = document.getElementById("finder-source-notice");
    if (!notice) return;
    notice.textContent = messages.join(" ");
    notice.hidden = messages.length === 0;
  };
  /** A result whose data gains the documents a match inside its reports found (each linked at its place on the review's own page). */
  const withDocuments = (result, matchOf) => ({
    ...result,
    data: async () => {
      const data = await result.data();
      const match = matchOf(data.url);
      if (!match) return data;
      const meta = Object.fromEntries(Object.entries(data.meta ?? {}).filter(([name]) => !name.startsWith("link-document-")));
      const found = match.documents.map((doc) => ({ anchor: { id: new URL(doc.url).hash.slice(1) }, url: doc.url, title: doc.title, excerpt: doc.excerpt }));
      return { ...data, meta, sub_results: [...(data.sub_results ?? []).filter((sub) => !/^document-\d+$/.test(sub.anchor?.id ?? "")), ...found] };
    },
  });

  window.finderSourceSearch = async (state, results, { pagefind, filters, sort }) => {
    say([]);
    if (!state.q) return results;
    let config;
    let searchSources;
    try {
      const [loaded, module] = await load();
      config = loaded;
      searchSources = module.searchSources;
    } catch {
      say(["The search inside the partnerships' reports is not available at the moment; these results are from the reviews' titles and details."]);
      return results;
    }
    let answer;
    try {
      answer = await searchSources(pagefind, state.q, config.sources, config.listed);
    } catch {
      say(["The search inside the partnerships' reports is not available at the moment; these results are from the reviews' titles and details."]);
      return results;
    }
    const { matches, skipped, incomplete } = answer;
    say([...skipped.map((source) => source.message), ...(incomplete ? [incomplete] : [])]);
    if (!matches.length) return results;
    const byUrl = new Map(matches.map((match) => [match.url, match]));
    const matchOf = (url) => byUrl.get(url);
    // The matched reviews as the finder's own index holds them, under the same filters (a filter the visitor chose still holds).
    const ids = matches.map((match) => match.key.slice(match.key.indexOf("/") + 1));
    const more = await pagefind.search(null, { filters: { ...filters, key: { any: ids } }, sort });
    const own = new Set(results.map((result) => result.id));
    const extra = (more?.results ?? []).filter((result) => !own.has(result.id));
    // Report-only matches after the finder's own, best match first.
    const rank = new Map(matches.map((match, i) => [match.url, i]));
    const ranked = await Promise.all(extra.map(async (result) => [rank.get((await result.data()).url) ?? matches.length, result]));
    ranked.sort((a, b) => a[0] - b[0]);
    return [...results, ...ranked.map(([, result]) => result)].map((result) => withDocuments(result, matchOf));
  };
})();
