import nunjucks from "nunjucks";
import { describe, expect, it } from "vitest";
import { escapeText, Html, html, trusted } from "../../../src/eleventy/html.ts";

// What the Nunjucks templates wrote for a value (autoescape on, as src/eleventy/plugin.ts sets it).
const nunjucksOf = (value: unknown) => new nunjucks.Environment(null, { autoescape: true }).renderString("{{ v }}", { v: value });

const HOSTILE = [
  `<script>alert("x")</script>`,
  `Tom & Jerry's "review" <b>`,
  String.raw`C:\reviews\child's "file"`,
  `" onmouseover="alert(1)`,
  `&amp; already escaped`,
  "plain words, no markup",
  "",
  "émigré — “quoted” 🎈",
];

describe("escapeText", () => {
  it.each(HOSTILE)("escapes %j exactly as Nunjucks' autoescape does", (text) => {
    expect(escapeText(text)).toBe(nunjucksOf(text));
  });
});

describe("html", () => {
  it("escapes every value put into it, in text and in attributes", () => {
    const title = `<img src=x onerror="alert(1)">`;
    expect(html`<a href="${`/r/?a=1&b="2"`}">${title}</a>`.markup).toBe(
      `<a href="/r/?a=1&amp;b=&quot;2&quot;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</a>`,
    );
  });

  it("puts Html in as it is, and a list of values one after the other, each escaped unless it is Html", () => {
    const items = ["<1>", html`<li>${"<2>"}</li>`];
    expect(html`<ul>${items}</ul>`.markup).toBe("<ul>&lt;1&gt;<li>&lt;2&gt;</li></ul>");
    expect(html`<div>${trusted("<p>made by the catalogue</p>")}</div>`.markup).toBe("<div><p>made by the catalogue</p></div>");
  });

  it("writes nothing for null, undefined and false (a part left out), and numbers as Nunjucks writes them", () => {
    expect(html`[${null}${undefined}${false}]`.markup).toBe("[]");
    expect(html`${0} ${2026} ${1.5}`.markup).toBe(`${nunjucksOf(0)} ${nunjucksOf(2026)} ${nunjucksOf(1.5)}`);
    expect(html`${null}`.markup).toBe(nunjucksOf(null));
  });

  it("is Html, so one template can be put into another without escaping it twice", () => {
    const inner = html`<b>${"&"}</b>`;
    expect(inner).toBeInstanceOf(Html);
    expect(html`<p>${inner}</p>`.markup).toBe("<p><b>&amp;</b></p>");
    expect(String(inner)).toBe("<b>&amp;</b>");
  });
});
