// Starts the editor (Sveltia CMS, then the site's own script) only in a window of its own. Framed by another
// page (clickjacking: a page that shows the editor under its own and makes a maintainer click Save or Delete),
// it loads neither and says how to open it. Hosts that can send headers also send frame-ancestors 'none'
// (a <meta> policy cannot say it); this holds where they cannot, such as GitHub Pages.
(() => {
  if (window.top !== window.self) {
    const message = document.createElement("main");
    const text = document.createElement("p");
    text.textContent = "The case reviews editor works only in a window of its own, not inside another page. ";
    const link = document.createElement("a");
    link.href = location.href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.textContent = "Open the editor in a new window";
    text.append(link);
    message.id = "editor-framed";
    message.append(text);
    document.body.append(message);
    return;
  }
  // In order, as if written in the page: the editor's script registers its file format with Sveltia CMS.
  for (const src of ["sveltia-cms.js", "reviews-editor.js"]) {
    const script = document.createElement("script");
    script.src = src;
    script.async = false;
    document.body.append(script);
  }
})();
