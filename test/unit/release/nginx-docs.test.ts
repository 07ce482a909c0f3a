import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../helpers/site.ts";

/** The fenced ```nginx blocks of a Markdown text. */
function nginxBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```nginx\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

describe("the deployer's guide's nginx example (docs/deploying.md)", () => {
  it("is exactly the shipped block, deploy/nginx/learning-reviews.conf (the one test/browser/nginx.test.ts serves the site with)", () => {
    const guide = readFileSync(path.join(PROJECT_ROOT, "docs", "deploying.md"), "utf8");
    const shipped = readFileSync(path.join(PROJECT_ROOT, "deploy", "nginx", "learning-reviews.conf"), "utf8");
    expect(nginxBlocks(guide)).toEqual([shipped]);
  });

  it("is found by the reader of Markdown blocks, and only in an nginx block", () => {
    expect(nginxBlocks("text\n```nginx\nlocation / {\n}\n```\n\n```\nnot nginx\n```\n")).toEqual(["location / {\n}\n"]);
    expect(nginxBlocks("```js\nlet x;\n```\n")).toEqual([]);
  });
});
