// Combined filters on the list of reviews, in place. Progressive enhancement: without JavaScript the form
// stays hidden and the browse pages (/reviews/<facet>/<value>/) do the same job. Filter state lives in the
// query string (?type=scr&area=blackpool&year=2025&theme=neglect), so a filtered view can be shared.
(() => {
  const form = document.getElementById("filters");
  if (!form) return;
  const status = document.getElementById("filter-status");
  const selects = [...form.querySelectorAll("select")];
  const items = [...document.querySelectorAll(".review-item")];
  const total = items.length;

  const apply = () => {
    const wanted = selects.filter((s) => s.value).map((s) => [s.name, s.value]);
    let shown = 0;
    for (const item of items) {
      const match = wanted.every(([facet, value]) => (facet === "theme" ? item.dataset.theme.includes(`|${value}|`) : item.dataset[facet] === value));
      item.hidden = !match;
      if (match) shown++;
    }
    for (const section of document.querySelectorAll(".review-section")) {
      const visible = section.querySelectorAll(".review-item:not([hidden])").length;
      const none = section.querySelector(".no-match");
      if (none) none.hidden = visible > 0 || wanted.length === 0;
    }
    status.textContent = wanted.length ? `Showing ${shown} of ${total} reviews.` : "";
    const url = new URL(location.href);
    for (const s of selects) s.value ? url.searchParams.set(s.name, s.value) : url.searchParams.delete(s.name);
    history.replaceState(null, "", url);
  };

  const params = new URL(location.href).searchParams;
  for (const s of selects) {
    const value = params.get(s.name);
    if (value && [...s.options].some((o) => o.value === value)) s.value = value;
    s.addEventListener("change", apply);
  }
  form.addEventListener("reset", () => setTimeout(apply));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  form.hidden = false;
  if (selects.some((s) => s.value)) apply();
})();
