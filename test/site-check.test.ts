import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../src/catalogue.ts";
import type { SiteSettings } from "../src/site-settings.ts";
import { checkBuiltSite } from "../src/site-check.ts";
import { sampleSite } from "./helpers/site.ts";

/** A built site of the given files. */
function builtSite(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "lr-check-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe("checkBuiltSite's link check", () => {
  const catalogue = buildCatalogue([], sampleSite() as unknown as SiteSettings, "2026-11-26");

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
      "index.html": ['<a href="/docs/100%.pdf">x</a>', '<a href="/docs/report #1.pdf">x</a>', '<a href="/docs%2Fa.pdf">x</a>', '<a href="/#bad%">x</a>'].join(""),
      "docs/100%.pdf": "x",
      "docs/report #1.pdf": "x",
      "docs/a.pdf": "x",
    });
    expect(checkBuiltSite(dir, catalogue)).toEqual([
      "/ links to /docs/100%.pdf, which is not a valid address: a \"%\" must start an encoded character (such as %25), and an encoded \"/\" (%2F) cannot name a file.",
      "/ links to /docs/report #1.pdf, which is not in the build.",
      "/ links to /docs%2Fa.pdf, which is not a valid address: a \"%\" must start an encoded character (such as %25), and an encoded \"/\" (%2F) cannot name a file.",
      "/ links to /#bad%, which is not a valid address: a \"%\" must start an encoded character (such as %25), and an encoded \"/\" (%2F) cannot name a file.",
    ]);
  });
});
