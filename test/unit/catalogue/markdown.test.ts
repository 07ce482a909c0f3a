import { describe, expect, it } from "vitest";
import { createSummaryRenderer } from "../../../src/catalogue/markdown.ts";

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
