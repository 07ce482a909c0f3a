import { describe, expect, it } from "vitest";
import { createDocumentRenderer, createSummaryRenderer, headingSkips } from "../../../src/catalogue/markdown.ts";

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
    const listedOnly = createSummaryRenderer((id) => id === "kept");
    expect(
      listedOnly(
        "See [the report](/reviews/gone/report.pdf), [its notes](/reviews/gone/#notes), [kept](/reviews/kept/), [a theme](/reviews/theme/neglect/) and **[bold](/reviews/gone/)**.",
      ),
    ).toBe('<p>See the report, its notes, <a href="/reviews/kept/">kept</a>, <a href="/reviews/theme/neglect/">a theme</a> and <strong>bold</strong>.</p>\n');
  });
});

describe("document markdown (HTML versions)", () => {
  const renderDocument = createDocumentRenderer((id) => id !== "gone");

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

  it("finds headings that skip a level", () => {
    expect(headingSkips("## A\n\n### B\n\n## C")).toEqual([]);
    expect(headingSkips("## A\n\n#### B")).toEqual(['the heading "B" is level 4 after level 2']);
    expect(headingSkips("### Starts low")).toEqual(['the heading "Starts low" is level 3 after level 1']);
  });
});
