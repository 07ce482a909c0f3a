import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../../src/catalogue/index.ts";
import type { Review } from "../../../src/model/review.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import { checkBuiltSite, unreadable } from "../../../src/checks/site-check.ts";
import { fixtureSite } from "../../helpers/site.ts";
import { temporaryFolder } from "../../helpers/temporary.ts";

/** A validated review for the check's catalogue: listed or removed by its type and date. */
function review(id: string, type: "CSPR" | "SCR", published: string, documents: Review["documents"] = []): Review {
  return { id, title: id, type, area: "northshire", status: "published", published, themes: [], documents };
}

/** A built site of the given files. */
function builtSite(files: Record<string, string>): string {
  const dir = temporaryFolder("lr-check-");
  chmodSync(dir, 0o755);
  // An empty search index, as a build with no listed review has.
  for (const [name, content] of Object.entries({ "pagefind/pagefind.js": "", ...files })) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe("checkBuiltSite's link check", () => {
  const catalogue = buildCatalogue([], fixtureSite() as unknown as SiteSettings, "2026-11-26");

  it("decodes each path segment of a link, so encoded names find their files", () => {
    const links = ["/docs/report%20%231.pdf", "/docs/what%3F.pdf", "/docs/100%25.pdf", "/docs/r%C3%A9sum%C3%A9%20final.pdf", "/docs/résumé final.pdf"];
    const dir = builtSite({
      "index.html": links.map((href) => `<a href="${href}">x</a>`).join(""),
      "docs/report #1.pdf": "x",
      "docs/what?.pdf": "x",
      "docs/100%.pdf": "x",
      "docs/résumé final.pdf": "x",
    });
    expect(checkBuiltSite(dir, catalogue)).toEqual([]);
  });

  it("reports links a host would not serve as the file, rather than crash or guess", () => {
    const dir = builtSite({
      "index.html": ['<a href="/docs/100%.pdf">x</a>', '<a href="/docs/report #1.pdf">x</a>', '<a href="/docs%2Fa.pdf">x</a>', '<a href="/#bad%">x</a>'].join(
        "",
      ),
      "docs/100%.pdf": "x",
      "docs/report #1.pdf": "x",
      "docs/a.pdf": "x",
    });
    expect(checkBuiltSite(dir, catalogue)).toEqual([
      '/ links to /docs/100%.pdf, which is not a valid address: a "%" must start an encoded character (such as %25), and an encoded "/" (%2F) cannot name a file.',
      "/ links to /docs/report #1.pdf, which is not in the build.",
      '/ links to /docs%2Fa.pdf, which is not a valid address: a "%" must start an encoded character (such as %25), and an encoded "/" (%2F) cannot name a file.',
      '/ links to /#bad%, which is not a valid address: a "%" must start an encoded character (such as %25), and an encoded "/" (%2F) cannot name a file.',
    ]);
  });
});

describe("checkBuiltSite reads links with an HTML parser", () => {
  const catalogue = buildCatalogue([], fixtureSite() as unknown as SiteSettings, "2026-11-26");
  const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;

  it.each([
    ["a single-quoted href", "<a href='/missing/'>x</a>", "/missing/"],
    ["an unquoted href", "<a href=/missing.pdf>x</a>", "/missing.pdf"],
    ["a srcset entry", '<img alt="" src="/here.png" srcset="/here.png 1x, /missing-2x.png 2x">', "/missing-2x.png"],
    ["a src with an entity in it", '<img alt="" src="/a&amp;b.png">', "/a&b.png"],
    ["a link inside <noscript>", '<noscript><a href="/missing/">x</a></noscript>', "/missing/"],
  ])("finds a broken link in %s", (_what, body, target) => {
    const dir = builtSite({ "index.html": page(body), "here.png": "x" });
    expect(checkBuiltSite(dir, catalogue)).toEqual([`/ links to ${target}, which is not in the build.`]);
  });

  it("finds a link to an anchor that the page does not have, however the id is quoted", () => {
    const dir = builtSite({
      "index.html": page(
        `<h1 id="top">t</h1><a href="/other/#there">x</a> <a href='/other/#single'>y</a> <a href="/other/#missing">z</a> <a href="#top">top</a> <a href="#nowhere">no</a>`,
      ),
      "other/index.html": page(`<h2 id=there>x</h2><h2 id='single'>y</h2><!-- <p id="missing"> is in a comment -->`),
    });
    expect(checkBuiltSite(dir, catalogue)).toEqual([
      '/ links to /other/#missing, but that page has no element with id "missing".',
      '/ links to #nowhere, but that page has no element with id "nowhere".',
    ]);
  });

  it("accepts a page whose every reference, in any quoting, resolves", () => {
    const dir = builtSite({
      "index.html": page(
        `<h1 id="top">t</h1><a href='/docs/a.pdf'>a</a><a href=/docs/a.pdf#page=2>b</a><img alt="" srcset="/i/a.png 1x,/i/b.png 2x" src=/i/a.png><a href="mailto:x@example.org">m</a><a href="https://example.org/">e</a><a href="#top">top</a>`,
      ),
      "docs/a.pdf": "x",
      "i/a.png": "x",
      "i/b.png": "x",
    });
    expect(checkBuiltSite(dir, catalogue)).toEqual([]);
  });
});

describe("checkBuiltSite's check of the search index and of permissions", () => {
  const reviewPage = (title: string) =>
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>Text about ${title}.</p></main></body></html>`;
  const catalogue = buildCatalogue(
    [review("kept", "CSPR", "2024-01-01"), review("gone", "SCR", "2020-01-01")],
    fixtureSite() as unknown as SiteSettings,
    "2026-11-26",
  );

  it("names a missing search index, and the listed pages it would have held", () => {
    const files = {
      "reviews/kept/index.html": reviewPage("kept"),
      "reviews/gone/index.html": `<!doctype html><html><head><meta name="robots" content="noindex"></head><body>removed</body></html>`,
    };
    const noIndex = builtSite(files);
    rmSync(path.join(noIndex, "pagefind"), { recursive: true });
    expect(checkBuiltSite(noIndex, catalogue)).toEqual([
      "The listed review page or document /reviews/kept/ is not in the search index.",
      "The search index (pagefind/pagefind.js) is missing.",
    ]);
  });

  it("names a file or folder a web server running as another user cannot read", () => {
    const dir = builtSite({ "index.html": "<p>x</p>", "docs/a.pdf": "x" });
    chmodSync(path.join(dir, "docs", "a.pdf"), 0o600);
    chmodSync(path.join(dir, "docs"), 0o700);
    expect(unreadable(dir)).toEqual([
      "docs cannot be read by the web server (mode 700; expected 755).",
      "docs/a.pdf cannot be read by the web server (mode 600; expected 644).",
    ]);
  });
});

describe("checkBuiltSite for a site under a path of its domain", () => {
  const underPath = buildCatalogue([], { ...(fixtureSite() as unknown as SiteSettings), url: "https://www.example.org/review" }, "2026-11-26");
  it("resolves links under the path, and names one that leaves it", () => {
    const dir = builtSite({
      "index.html": [
        '<a href="/review/docs/a.pdf">x</a>',
        '<a href="docs/a.pdf">x</a>',
        '<a href="/review/#top">x</a>',
        '<p id="top"></p>',
        '<a href="/docs/a.pdf">x</a>',
      ].join(""),
      "docs/a.pdf": "x",
    });
    expect(checkBuiltSite(dir, underPath)).toEqual(["/ links to /docs/a.pdf, which is outside the path the site is served under (/review/)."]);
  });
});

describe("checkBuiltSite's check of what each review leaves in the build", () => {
  const catalogue = buildCatalogue(
    [
      review("kept", "CSPR", "2024-01-01", [{ kind: "overview-report", title: "Overview report", file: "report.pdf", bytes: 1 }]),
      review("gone", "SCR", "2020-01-01"),
    ],
    fixtureSite() as unknown as SiteSettings,
    "2026-11-26",
  );
  const notice = '<!doctype html><html><head><meta name="robots" content="noindex"></head><body>removed</body></html>';
  const good = {
    "reviews/kept/index.html": "<p>kept</p>",
    "reviews/kept/report.pdf": "%PDF",
    "reviews/kept/citation.ris": "TY  - RPRT\r\nER  - \r\n",
    "reviews/gone/index.html": notice,
  };

  it("passes a build with exactly the listed pages, their documents, their citation files and the notices", () => {
    // The search index is checked apart (test/build/site-check-index.test.ts, with a real index).
    expect(checkBuiltSite(builtSite(good), catalogue).filter((p) => !p.includes("search index"))).toEqual([]);
  });

  it.each([
    [
      "a file no listed review publishes",
      { "reviews/kept/old-draft.pdf": "%PDF" },
      "reviews/kept/old-draft.pdf is in the build, but no listed review publishes it.",
    ],
    [
      "a removed review's document beside its notice",
      { "reviews/gone/report.pdf": "%PDF" },
      "The removed review gone has more than its notice in the build: reviews/gone/index.html, reviews/gone/report.pdf.",
    ],
    [
      "a removed review's citation file beside its notice",
      { "reviews/gone/citation.ris": "TY  - RPRT\r\nER  - \r\n" },
      "The removed review gone has more than its notice in the build: reviews/gone/citation.ris, reviews/gone/index.html.",
    ],
    ["a notice that is not noindex", { "reviews/gone/index.html": "<p>removed</p>" }, "The removal notice for gone is not marked noindex."],
    [
      "a folder of a review neither listed nor removed",
      { "reviews/stranger/index.html": "<p>?</p>" },
      "reviews/stranger/ is in the build, but that review is neither listed nor removed.",
    ],
  ])("names %s", async (_what, extra, problem) => {
    const dir = builtSite({ ...good, ...extra });
    expect(checkBuiltSite(dir, catalogue)).toContain(problem);
  });

  it("names a listed review that has no page", () => {
    const { "reviews/kept/index.html": _page, ...rest } = good;
    expect(checkBuiltSite(builtSite(rest), catalogue)).toContain("The listed review kept has no page.");
  });
});
