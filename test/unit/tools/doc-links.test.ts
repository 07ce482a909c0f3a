import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type DocSet, docLinkProblems, headingAnchors } from "../../../tools/doc-links.ts";
import { PROJECT_ROOT } from "../../helpers/site.ts";

/** A made-up project: these files, these scripts, and these other paths that exist. */
function docs(files: Record<string, string>, others: string[] = [], scripts = ["start", "test", "build"]): DocSet {
  return { files: new Map(Object.entries(files)), scripts: new Set(scripts), exists: (p) => others.includes(p) };
}

describe("headingAnchors", () => {
  it("slugs headings as GitHub does: code, punctuation and capitals, and -1 for a heading that repeats", () => {
    const text =
      "# A guide\n\n## `_data/reviews.json`\n\n## Edit in a browser: the editor\n\n### Straße & co.\n\n## Notes\n\n## Notes\n\n```\n# not a heading\n```\n";
    expect([...headingAnchors(text)]).toEqual(["a-guide", "_datareviewsjson", "edit-in-a-browser-the-editor", "straße--co", "notes", "notes-1"]);
  });
});

describe("docLinkProblems", () => {
  it("accepts links to files and headings that exist, from a folder and back, images, encoded names, and web addresses", () => {
    const problems = docLinkProblems(
      docs(
        {
          "README.md": "# Intro\n\nSee [the guide](docs/guide.md#step-two), [here](#intro) and [a site](https://example.org/x#y).\n",
          "docs/guide.md": "# Guide\n\n## Step two\n\n![A shot](editor/shot%201.png) [back](../README.md#intro) [code](/src/) [mail](mailto:a@b.c)\n",
        },
        ["docs/editor/shot 1.png", "src"],
      ),
    );
    expect(problems).toEqual([]);
  });

  it("names a link to a missing file, with the file, the line and the path it was read as", () => {
    const problems = docLinkProblems(docs({ "docs/guide.md": "# Guide\n\ntext\n\n![A shot](docs/editor/shot.png)\n" }, ["docs/editor/shot.png"]));
    expect(problems).toEqual([
      'docs/guide.md, line 5: the link "docs/editor/shot.png" leads to docs/docs/editor/shot.png, which does not exist. Correct the path (it is read from docs/).',
    ]);
  });

  it("names an anchor that no heading of its file has, in the same file or another, and lists the anchors there are", () => {
    const problems = docLinkProblems(
      docs({
        "README.md": "# Intro\n\n[a](#for-maintainers) [b](docs/guide.md#step-3)\n",
        "docs/guide.md": "# Guide\n\n## Step two\n",
      }),
    );
    expect(problems).toEqual([
      'README.md, line 3: the link "#for-maintainers" names the heading #for-maintainers, which README.md does not have. Use one of its headings\' anchors: #intro.',
      'README.md, line 3: the link "docs/guide.md#step-3" names the heading #step-3, which docs/guide.md does not have. Use one of its headings\' anchors: #guide, #step-two.',
    ]);
  });

  it("names the line of a broken link in a table's cell, and a link whose %-code is not a character", () => {
    const problems = docLinkProblems(
      docs({ "docs/a.md": "# A\n\n| a | b |\n|---|---|\n| x | [y](#nowhere) |\n\n[z](bad%E0.md) [50%](50%off.md)\n" }, ["docs/50%off.md"]),
    );
    expect(problems).toEqual([
      'docs/a.md, line 5: the link "#nowhere" names the heading #nowhere, which docs/a.md does not have. Use one of its headings\' anchors: #a.',
      'docs/a.md, line 7: the link "bad%E0.md" has a %-code that is not a character (such as %E0 alone). Write a space as %20 and a % as %25.',
    ]);
  });

  it("refuses a link out of the project, and ignores links written inside code", () => {
    const problems = docLinkProblems(docs({ "docs/a.md": "[up](../../etc/passwd)\n\n`[not](nowhere.md)`\n\n```\n[not](nowhere.md)\n```\n" }));
    expect(problems).toEqual(['docs/a.md, line 1: the link "../../etc/passwd" leads outside the project. Link to a file in it.']);
  });

  it("names an npm script that package.json does not have, in text and in code blocks alike", () => {
    const problems = docLinkProblems(docs({ "README.md": "Run `npm run build`, `npm start`.\n\n```sh\nnpm ci && npm run biuld\n```\n" }));
    expect(problems).toEqual(['README.md, line 4: "npm run biuld" is not a script in package.json. Name one of: start, test, build.']);
  });
});

describe("the project's own documentation", () => {
  it("README.md and every docs/*.md: each relative link, image and anchor resolves, and each npm script named exists", () => {
    const names = [
      "README.md",
      ...readdirSync(path.join(PROJECT_ROOT, "docs"))
        .filter((n) => n.endsWith(".md"))
        .map((n) => `docs/${n}`),
    ];
    const files = new Map(names.map((name) => [name, readFileSync(path.join(PROJECT_ROOT, name), "utf8")]));
    const scripts = Object.keys(JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")).scripts);
    const problems = docLinkProblems({ files, scripts: new Set(scripts), exists: (p) => existsSync(path.join(PROJECT_ROOT, p)) });
    expect(problems).toEqual([]);
  });
});
