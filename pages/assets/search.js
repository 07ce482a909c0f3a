// /search/ moved to the finder at /, which searches the reviews and the text inside their documents together.
// This sends a search made at the old address (/search/?q=neglect) to the same search there (/?q=neglect),
// before the page's refresh (which, without JavaScript, goes to the list). The finder is found beside this
// script's folder, so the site works under any path (e.g. /review/).
(() => {
  const finder = new URL("../", document.currentScript.src);
  const q = new URL(location.href).searchParams.get("q")?.trim();
  if (q) finder.searchParams.set("q", q);
  location.replace(finder.href);
})();
