import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { weighPages } from "../../../tools/page-weight.ts";
import { temporaryFolder } from "../../helpers/temporary.ts";

describe("weighPages", () => {
  it("names a page over budget and what slows it down", () => {
    const dir = temporaryFolder("lr-weight-");
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(path.join(dir, "assets", "site.css"), "body{color:red}@font-face{font-family:x;src:url(x.woff2)}");
    // Random text does not compress, so this page is well over 14 KB gzip-compressed.
    const noise = randomBytes(30000).toString("base64");
    writeFileSync(path.join(dir, "heavy.html"), `<link rel="stylesheet" href="/assets/site.css"><script src="/x.js"></script><p>${noise}</p>`);
    writeFileSync(
      path.join(dir, "light.html"),
      `<link rel="stylesheet" href="/assets/site.css"><link rel="stylesheet" href="https://cdn.example.org/x.css"><script src="/x.js" defer></script>`,
    );
    const [heavy, light] = weighPages(dir);
    expect(heavy!.page).toBe("heavy.html");
    expect(heavy!.problems).toEqual([
      "/assets/site.css loads a web font or another stylesheet",
      'has a render-blocking script: <script src="/x.js">',
      expect.stringMatching(/^weighs \d+\.\d KB gzip-compressed with its CSS; the budget is 14 KB$/),
    ]);
    expect(light!.problems).toEqual([
      "has 2 stylesheets; expected exactly one",
      "/assets/site.css loads a web font or another stylesheet",
      "links to a stylesheet on another site: https://cdn.example.org/x.css",
    ]);
  });

  it("finds the stylesheet of a site served under a path in its built folder", () => {
    const dir = temporaryFolder("lr-weight-");
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(path.join(dir, "assets", "site.css"), "body{color:red}");
    writeFileSync(path.join(dir, "index.html"), '<link rel="stylesheet" href="/case-reviews/assets/site.css"><p>Hello</p>');
    const [page] = weighPages(dir, 14 * 1024, "/case-reviews/");
    expect(page!.problems).toEqual([]);
    expect(page!.gzipBytes).toBeGreaterThan(0);
  });
});
