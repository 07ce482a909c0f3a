import { describe, expect, it } from "vitest";
import { createDocumentRenderer, createSummaryRenderer } from "../../../src/catalogue/markdown.ts";

const render = createSummaryRenderer();

describe("summary markdown", () => {
  it("renders ordinary markdown", () => {
    expect(render("Some **learning**.\n\n- one\n- two")).toBe("<p>Some <strong>learning</strong>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
  });
  it("shows raw HTML as text", () => {
    const html = render('<script>alert(1)</script> <img src=x onerror="alert(1)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
  it("drops javascript:, data: and vbscript: links", () => {
    for (const href of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"]) {
      const html = render(`[click](${href})`);
      expect(html, href).not.toMatch(/<a /);
    }
  });
  it("keeps https links", () => {
    expect(render("[NSPCC](https://www.nspcc.org.uk/)")).toContain('<a href="https://www.nspcc.org.uk/">NSPCC</a>');
  });
  it("escapes quotes in link targets", () => {
    expect(render('[x](https://example.org/"onmouseover="alert(1))')).not.toContain('"onmouseover="');
  });
  it("does not load images", () => {
    expect(render("![tracking](https://example.org/pixel.gif)")).not.toContain("<img");
  });
  it("puts headings under the page's h1 and h2", () => {
    expect(render("# Learning\n\n## Detail\n\n##### Deep")).toBe("<h3>Learning</h3>\n<h4>Detail</h4>\n<h6>Deep</h6>\n");
  });
  it("keeps only the text of a link to a review that is not listed, and every other link", () => {
    const listedOnly = createSummaryRenderer({ isListed: (id) => id === "kept" });
    expect(
      listedOnly(
        "See [the report](/reviews/gone/report.pdf), [its notes](/reviews/gone/#notes), [kept](/reviews/kept/), [a theme](/reviews/theme/neglect/) and **[bold](/reviews/gone/)**.",
      ),
    ).toBe('<p>See the report, its notes, <a href="/reviews/kept/">kept</a>, <a href="/reviews/theme/neglect/">a theme</a> and <strong>bold</strong>.</p>\n');
  });
});

/** Every spelling of a link to the review `child-t`, written on `page` of a site at `siteUrl`. */
function spellingsOf(id: string, siteUrl: string, page: "summary" | "html-version"): string[] {
  const up = page === "summary" ? "../" : "../../";
  const Id = id.replace(/(^|-)(\w)/g, (_, dash: string, c: string) => dash + c.toUpperCase());
  return [
    `/reviews/${id}/`,
    `${siteUrl}/reviews/${id}/`,
    `${siteUrl}/reviews/${id}/report.pdf`,
    `${siteUrl}/reviews/${id}/index.html#notes`,
    `${siteUrl.replace("https:", "http:")}/reviews/${id}/`,
    `${siteUrl.toUpperCase().replace("HTTPS", "https")}/reviews/${id}/`,
    `${siteUrl.replace("https:", "")}/reviews/${id}/`,
    `${siteUrl.replace("https://", "https://someone@")}/reviews/${id}/`,
    `${siteUrl.replace(/^(https:\/\/[^/]+)/, "$1.:443")}/reviews/${id}/`,
    `${up}${id}/`,
    `${up}${id}`,
    `${up}${id}/report.pdf`,
    `${up}${id}/#notes`,
    `${up}${id}/index.html`,
    `./${up}${id}/`,
    `/reviews/${id}/index.html`,
    `/reviews/${id}`,
    `/reviews/${id}?from=summary`,
    `/reviews/${id}#notes`,
    `/reviews//${id}/`,
    `//reviews/${id}/`.replace(/^\/\//, "/./"),
    `/reviews/./${id}/`,
    `/reviews/x/../${id}/report.pdf`,
    `/reviews/%2e%2e/reviews/${id}/`,
    `/reviews/%2E/${id}/`,
    `/reviews%2F${id}/`,
    `/reviews%2f${id}%2Freport.pdf`,
    `/%72eviews/${id.replace("-", "%2D")}/`,
    `\\reviews\\${id}\\#notes`,
    `/reviews\\${id}/`,
    `/Reviews/${Id}/`,
    `/REVIEWS/${id.toUpperCase()}/report.pdf`,
    `<${siteUrl}/reviews/${id}/>`,
    `${siteUrl}/reviews/${id}/#bare`,
  ];
}

/** A link in Markdown: autolinks and bare addresses as they are, others as [text](href). */
const asMarkdown = (href: string) => (href.startsWith("<") || href.endsWith("#bare") ? `See ${href} now.` : `See [the review](${href}) now.`);

/** The addresses a rendering links to. */
const hrefsIn = (html: string) => [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));

describe("links to reviews, however they are spelled", () => {
  const isListed = (id: string) => id === "child-a" || id === "kept";
  for (const siteUrl of ["https://reviews.example.org", "https://x.org/review"]) {
    const summary = createSummaryRenderer({ isListed, siteUrl });
    const documentPage = createDocumentRenderer({ isListed, siteUrl });
    const renderings = {
      summary: (markdown: string) => summary(markdown, "/reviews/child-a/"),
      "html-version": (markdown: string) => documentPage(markdown, "/reviews/child-a/overview-report/").html,
    };
    for (const [page, render] of Object.entries(renderings) as [keyof typeof renderings, (markdown: string) => string][]) {
      it(`keeps only the text of a link to a review that is not listed, in every spelling (${page}, site at ${siteUrl})`, () => {
        for (const href of spellingsOf("child-t", siteUrl, page)) {
          const html = render(asMarkdown(href));
          expect(hrefsIn(html), href).toEqual([]);
          expect(html, href).toContain("See ");
        }
      });
      it(`links a listed review in every spelling at its own address, which resolves (${page}, site at ${siteUrl})`, () => {
        for (const href of spellingsOf("kept", siteUrl, page)) {
          const [rendered, ...more] = hrefsIn(render(asMarkdown(href)));
          expect(more, href).toEqual([]);
          expect(rendered, href).toMatch(/^\/reviews\/kept\/(report\.pdf)?([?#][\w=-]+)?$/);
        }
      });
    }
  }

  it("resolves a relative link against the page it is shown on: a review page, or an HTML version one folder deeper", () => {
    const isListedHere = (id: string) => id === "child-a";
    const summary = createSummaryRenderer({ isListed: isListedHere, siteUrl: "https://x.org/review" });
    const documentPage = createDocumentRenderer({ isListed: isListedHere, siteUrl: "https://x.org/review" });
    expect(hrefsIn(summary("[up](../child-a/report%20%231.pdf) [here](./#documents)", "/reviews/child-a/"))).toEqual([
      "/reviews/child-a/report%20%231.pdf",
      "/reviews/child-a/#documents",
    ]);
    // From /reviews/child-a/overview-report/, "../" is the review's page and "../../" the reviews' folder.
    expect(hrefsIn(documentPage("[review](../) [list](../../) [gone](../../child-t/)", "/reviews/child-a/overview-report/").html)).toEqual([
      "/reviews/child-a/",
      "/reviews/",
    ]);
  });

  it("keeps a link to the site's own domain outside its path as an ordinary link", () => {
    const summary = createSummaryRenderer({ isListed: () => false, siteUrl: "https://x.org/review" });
    expect(hrefsIn(summary("[main site](https://x.org/reviews/child-t/) [news](https://x.org/news/)", "/reviews/child-a/"))).toEqual([
      "https://x.org/reviews/child-t/",
      "https://x.org/news/",
    ]);
    // A relative link that climbs above the site's path leaves it too: written out in full, so it goes there from any page.
    expect(hrefsIn(summary("[up](../../../news/)", "/reviews/child-a/"))).toEqual(["https://x.org/news/"]);
  });

  it("keeps filter pages, anchors and other pages of the site as links", () => {
    const summary = createSummaryRenderer({ isListed: () => false, siteUrl: "https://x.org/review" });
    expect(hrefsIn(summary("[t](/reviews/theme/neglect/) [a](#summary) [s](https://x.org/review/accessibility/) [l](/reviews/)", "/reviews/child-a/"))).toEqual(
      ["/reviews/theme/neglect/", "#summary", "/accessibility/", "/reviews/"],
    );
  });
});

describe("a root-relative link that already holds the site's path", () => {
  const isListed = (id: string) => id === "child-h";
  const links = (siteUrl: string, markdown: string) => hrefsIn(createSummaryRenderer({ isListed, siteUrl })(markdown, "/reviews/child-a/"));

  it("is read from the domain's root, so the path is not put before it twice (site at /review/)", () => {
    const markdown =
      "[a](/review/reviews/child-h/) [b](/REVIEW/reviews/child-h/report.pdf#p2) [c](\\review\\reviews\\child-h) [home](/review/) [d](/review/reviews/theme/neglect/)";
    expect(links("https://x.org/review", markdown)).toEqual([
      "/reviews/child-h/",
      "/reviews/child-h/report.pdf#p2",
      "/reviews/child-h/",
      "/",
      "/reviews/theme/neglect/",
    ]);
    // With a path two folders deep, and the path alone without its last slash.
    expect(links("https://x.org/lscp/review", "[a](/lscp/review/reviews/child-h/) [home](/lscp/review)")).toEqual(["/reviews/child-h/", "/"]);
  });

  it("keeps only the text of a review that is not listed, however the link holds the site's path", () => {
    expect(links("https://x.org/review", "[gone](/review/reviews/child-t/) [gone too](/review/reviews/Child-T/report.pdf)")).toEqual([]);
  });

  it("is read from the site's root when it only starts with the same letters as the path (/reviewer/ on a site at /review/)", () => {
    expect(links("https://x.org/review", "[a](/reviewer/reviews/child-h/) [b](/reviews/child-h/)")).toEqual([
      "/reviewer/reviews/child-h/",
      "/reviews/child-h/",
    ]);
  });

  it("is read from the site's root on a site with no path, or whose path is its own reviews folder's name", () => {
    expect(links("https://reviews.example.org", "[a](/review/reviews/child-h/) [b](/reviews/child-h/)")).toEqual([
      "/review/reviews/child-h/",
      "/reviews/child-h/",
    ]);
    // On a site at /reviews/, /reviews/child-h/ is the review: the site's own folder wins.
    expect(links("https://x.org/reviews", "[a](/reviews/child-h/)")).toEqual(["/reviews/child-h/"]);
  });
});

describe("link schemes", () => {
  const summary = createSummaryRenderer({ isListed: () => true, siteUrl: "https://reviews.example.org" });
  it("makes links only to https:, http:, mailto:, tel: and relative addresses", () => {
    for (const href of [
      "data:image/png;base64,iVBORw0KGgo=",
      "DATA:image/gif;base64,R0lGODlh",
      "&#x64;ata:image/webp;base64,UklGR",
      "blob:https://reviews.example.org/0b5e-4a1f",
      "intent://scan/#Intent;scheme=zxing;end",
      "ftp://files.example.org/report.pdf",
      "file:///etc/passwd",
      "ms-settings:privacy",
      "sms:+441234567890",
      "javascript:alert(1)",
    ]) {
      expect(summary(`[click](${href})`, "/reviews/child-a/"), href).not.toContain("click</a>");
      // No link is made with its scheme, in any form (an https: address inside one, as in blob:, may be linked on its own).
      for (const markdown of [`[click](${href})`, `<${href}>`, `See ${href} here.`]) {
        const links = hrefsIn(summary(markdown, "/reviews/child-a/"));
        expect(
          links.filter((link) => !/^(?:https:\/\/|\/)/.test(link)),
          markdown,
        ).toEqual([]);
      }
    }
    expect(
      hrefsIn(
        summary("[a](https://example.org/) [b](http://example.org/) [c](mailto:team@example.org) [d](tel:+441234567890) [e](../child-a/)", "/reviews/child-a/"),
      ),
    ).toEqual(["https://example.org/", "http://example.org/", "mailto:team@example.org", "tel:+441234567890", "/reviews/child-a/"]);
  });
});

describe("document markdown (HTML versions)", () => {
  const renderDocument = createDocumentRenderer({ isListed: (id) => id !== "gone" });

  it("gives every second-level heading an id and a place in the contents list", () => {
    const { html, contents } = renderDocument("# Introduction\n\nText.\n\n## Findings\n\n### Detail\n\n## Findings\n\nMore.");
    expect(contents).toEqual([
      { id: "introduction", text: "Introduction" },
      { id: "findings", text: "Findings" },
      { id: "findings-2", text: "Findings" },
    ]);
    // The page's h1 is the document's title: a Markdown "#" heading becomes an h2.
    expect(html).toContain('<h2 id="introduction">Introduction</h2>');
    expect(html).toContain('<h2 id="findings-2">Findings</h2>');
    expect(html).toContain("<h3>Detail</h3>");
    expect(html).not.toContain("<h1");
  });

  it("renders as summaries do: raw HTML as text, no javascript: links, no links to reviews that are not listed", () => {
    const { html } = renderDocument("<script>alert(1)</script>\n\n[x](javascript:alert(1)) [gone](/reviews/gone/) [kept](/reviews/kept/)");
    expect(html).not.toContain("<script");
    expect(html).not.toContain(`href="javascript:`);
    expect(html).not.toContain('href="/reviews/gone/"');
    expect(html).toContain('<a href="/reviews/kept/">kept</a>');
  });
});
