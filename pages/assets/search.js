// Search with Pagefind's index (built after Eleventy into /pagefind/). Progressive enhancement:
// without JavaScript the page says so and links to the browse pages. The query lives in ?q= so a search can be shared.
// The index is found beside this script's folder, so the site works under any path (e.g. /review/).
const pagefindUrl = new URL("../pagefind/pagefind.js", document.currentScript.src).href;
(async () => {
  const form = document.querySelector(".search-form");
  const input = document.getElementById("search-input");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  if (!form || !input || !status || !list) return;
  // The form is taken over at once, so a search typed while the index is still loading waits for it instead of reloading the page.
  const loading = import(pagefindUrl).then(
    (module) => {
      document.getElementById("search-needs-js")?.setAttribute("hidden", "");
      return module;
    },
    () => {
      status.textContent = "Search is not available at the moment. Browse the reviews instead.";
      return undefined;
    },
  );
  const show = async (query) => {
    list.replaceChildren();
    if (!query.trim()) {
      status.textContent = "";
      return;
    }
    status.textContent = "Searching…";
    const pagefind = await loading;
    if (!pagefind) return;
    const search = await pagefind.search(query);
    const results = await Promise.all(search.results.slice(0, 50).map((r) => r.data()));
    for (const result of results) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.meta.title;
      const details = document.createElement("p");
      details.textContent = [result.filters.type, result.filters.area, result.filters.year].flat().filter(Boolean).join(", ");
      const excerpt = document.createElement("p");
      // Pagefind's excerpt is text with <mark> around matches; keep the text only.
      excerpt.textContent = result.excerpt.replace(/<[^>]*>/g, "");
      item.append(link, details, excerpt);
      list.append(item);
    }
    const n = search.results.length;
    status.textContent = `${n} ${n === 1 ? "review matches" : "reviews match"} “${query}”.`;
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    show(input.value);
  });
  const initial = new URL(location.href).searchParams.get("q") ?? "";
  input.value = initial;
  if (initial) show(initial);
})();
