// Starts the editor (Sveltia CMS, then the site's own script) only in a window of its own. Framed by another
// page (clickjacking: a page that shows the editor under its own and makes a maintainer click Save or Delete),
// it loads neither and says how to open it. Hosts that can send headers also send frame-ancestors 'none'
// (a <meta> policy cannot say it); this holds where they cannot, such as GitHub Pages.
// Before Sveltia CMS starts, it also puts the partnership's words around Sveltia's sign-in (below).
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

  // Sveltia CMS asks unpkg.com for a newer version of itself and www.githubstatus.com for GitHub's state; the
  // editor's policy blocks both (it loads nothing from other sites), which filled the console with errors. They
  // are answered here, in the page, as "not found": no update notice, no status shown, and nothing sent.
  // GitHub's own failures are given words an officer can act on; Sveltia CMS shows the message of the error.
  const ASKED_NOWHERE = /^https:\/\/(unpkg\.com|www\.githubstatus\.com)\//;
  const TOKEN_REFUSED =
    "GitHub did not accept this access token. Check that you pasted all of it (it starts github_pat_), that it has not expired, and that it was made for this partnership's repository with “Contents: read and write”. If in doubt, ask your GitHub organisation's owner for a new one.";
  const NO_GITHUB =
    "Could not reach GitHub. Check that this computer is connected to the internet and that your organisation's network lets it reach github.com and api.github.com, then try again.";
  const fetchAsIs = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (ASKED_NOWHERE.test(url)) return new Response("{}", { status: 404, headers: { "Content-Type": "application/json" } });
    if (!/^https:\/\/(api\.)?github\.com\//.test(url)) return fetchAsIs(input, init);
    let response;
    try {
      response = await fetchAsIs(input, init);
    } catch (error) {
      if (error instanceof TypeError) throw new TypeError(NO_GITHUB, { cause: error });
      throw error;
    }
    // Signing in reads the user the token belongs to; refused, Sveltia would say only that the token is invalid.
    if (response.status === 401 && url === "https://api.github.com/user") throw new Error(TOKEN_REFUSED);
    return response;
  };

  // How to sign in, under the partnership's name on Sveltia's sign-in page, for the ways it offers.
  const helpFor = (offered) => {
    const help = document.createElement("section");
    help.id = "sign-in-help";
    help.style.cssText = "max-width:36rem;margin:0 auto 1rem;text-align:left;line-height:1.5;";
    const heading = document.createElement("h2");
    heading.textContent = "How to sign in";
    heading.style.cssText = "font-size:1.25rem;margin:0 0 .5rem;";
    help.append(heading);
    const say = (text) => {
      const p = document.createElement("p");
      p.textContent = text;
      p.style.margin = "0 0 .5rem";
      help.append(p);
    };
    if (offered.includes("Work with Local Repository")) {
      say(
        "On your own computer (npm start): choose “Work with Local Repository” in Chrome or Edge and pick your copy of the repository. The editor changes the files there; you then commit them.",
      );
    }
    if (offered.includes("Sign In with GitHub")) say("With a GitHub account that may change the repository: choose “Sign In with GitHub”.");
    if (offered.includes("Sign In Using Access Token")) {
      say(
        "With an access token: choose “Sign In Using Access Token” and paste the token made for you, a GitHub fine-grained personal access token for this partnership's repository with “Contents: read and write”. Your GitHub organisation's owner makes it; keep it to yourself, as a password.",
      );
    }
    return help;
  };
  new MutationObserver(() => {
    // Sveltia's sign-in page is its one page with a title in its .inner box: cheap to look for on every change.
    const title = document.querySelector(".inner > h1");
    if (!title || document.getElementById("sign-in-help")) return;
    const buttons = [...title.parentElement.querySelectorAll("button")].map((button) => button.textContent.trim());
    if (!buttons.some((text) => /^Sign In|^Work with Local/.test(text))) return;
    title.after(helpFor(buttons));
  }).observe(document.body, { childList: true, subtree: true });

  // In order, as if written in the page: the editor's script registers its file format with Sveltia CMS.
  for (const src of ["sveltia-cms.js", "reviews-editor.js"]) {
    const script = document.createElement("script");
    script.src = src;
    script.async = false;
    document.body.append(script);
  }
})();
