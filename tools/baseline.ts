import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The bare baseline: N one-paragraph Markdown pages and one Nunjucks layout, Eleventy's defaults otherwise. */
export function baselineProject(n: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "lr-baseline-"));
  mkdirSync(path.join(dir, "_includes"));
  writeFileSync(
    path.join(dir, "_includes", "layout.njk"),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><main>{{ content | safe }}</main></body></html>\n',
  );
  for (let i = 0; i < n; i++)
    writeFileSync(path.join(dir, `page-${i}.md`), `---\nlayout: layout.njk\ntitle: Page ${i}\n---\n# Page ${i}\n\nSome **text** for page ${i}.\n`);
  return dir;
}
