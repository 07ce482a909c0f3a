// The site's one Trusted Types policy. Every page's Content-Security-Policy requires Trusted Types
// (src/eleventy/csp.ts), so no string reaches a script sink (innerHTML, a script's src, new Worker) unless a
// policy lets it. Pagefind starts its web worker with new Worker(string), which only a policy named "default"
// can allow: this one allows exactly this site's Pagefind worker, found beside this script's folder (so the site
// works under any path), and refuses everything else, which the browser then reports as a violation.
(() => {
  if (!window.trustedTypes || window.trustedTypes.defaultPolicy) return;
  const worker = new URL("../pagefind/pagefind-worker.js", document.currentScript.src).href;
  window.trustedTypes.createPolicy("default", {
    createScriptURL: (url) => (new URL(url, document.baseURI).href === worker ? url : null),
  });
})();
