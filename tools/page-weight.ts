import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { listFiles } from "../src/checks/site-check.ts";

/** The editor's folder: a tool for maintainers, not a public page, so not weighed (it loads a 2 MB editor). */
export const ADMIN_FOLDER = "admin";

/** What arrives in the first round trip of a new connection (about 10 TCP packets): 14 KB. */
export const PAGE_BUDGET_BYTES = 14 * 1024;

export interface PageWeight {
  page: string;
  /** The page and the stylesheets it links to, each gzip-compressed, added up. */
  gzipBytes: number;
  problems: string[];
}

/**
 * Weigh every public HTML page of a built site (not the editor at /admin/) with the CSS it needs, and list what
 * would slow its first paint: more than one stylesheet, one from another site,
 * a script that blocks rendering, or a web font. `prefix` is the site's path (`/review/` for a site served
 * under one): its pages link to `/review/assets/site.css`, which is `assets/site.css` in the built folder.
 */
export function weighPages(siteDir: string, budget = PAGE_BUDGET_BYTES, prefix = "/"): PageWeight[] {
  const gz = new Map<string, number>();
  const gzipOf = (file: string) => {
    let size = gz.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(siteDir, file)), { level: 9 }).length;
      gz.set(file, size);
    }
    return size;
  };
  return listFiles(siteDir)
    .filter((file) => file.endsWith(".html") && !file.startsWith(`${ADMIN_FOLDER}/`))
    .map((page) => {
      const html = readFileSync(path.join(siteDir, page), "utf8");
      const problems: string[] = [];
      const stylesheets = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? "");
      if (stylesheets.length !== 1) problems.push(`has ${stylesheets.length} stylesheets; expected exactly one`);
      let total = gzipOf(page);
      for (const href of stylesheets) {
        if (!href.startsWith("/") || href.startsWith("//")) {
          problems.push(`links to a stylesheet on another site: ${href}`);
          continue;
        }
        const css = (href.startsWith(prefix) ? href.slice(prefix.length) : href.replace(/^\//, "")).split("?")[0]!;
        total += gzipOf(css);
        if (/@font-face|@import/.test(readFileSync(path.join(siteDir, css), "utf8"))) problems.push(`${href} loads a web font or another stylesheet`);
      }
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
        if (/\ssrc=/.test(tag) && !/\s(defer|async)\b|type="module"/.test(tag)) problems.push(`has a render-blocking script: ${tag}`);
      }
      if (/rel="preload"[^>]*as="font"|fonts\.googleapis/.test(html)) problems.push("loads a web font");
      if (total > budget) problems.push(`weighs ${(total / 1024).toFixed(1)} KB gzip-compressed with its CSS; the budget is ${(budget / 1024).toFixed(0)} KB`);
      return { page, gzipBytes: total, problems };
    });
}
