import { x } from "tinyexec";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromeLaunchConfig, LAUNCH_ENV } from "./chromium.ts";
import { serveStatic } from "./static-server.ts";

export interface A11yCheckOptions {
  /** The built site to check. */
  siteDir: string;
  /** Also write pa11y-ci's JSON report here. */
  jsonReport?: string;
  /** The path the site is built for (the path of `url` in site.json), where it is served for the check. */
  prefix?: string;
  /** Only these pages (site addresses such as `/reviews/x/`); by default every page the site has. */
  pages?: readonly string[];
  /** Where pa11y-ci's output goes; by default this process's own. */
  stdio?: "inherit" | "pipe";
}

/**
 * Run pa11y-ci (axe and HTML_CodeSniffer, WCAG 2.2 AA, threshold 0) over every
 * page of a built site (or the `pages` given), served on 127.0.0.1 for the length of the check.
 * Resolves with pa11y-ci's exit code (0 when every page passes) and its output.
 */
export async function runA11yCheck(options: A11yCheckOptions): Promise<{ code: number; output: string }> {
  const launch = chromeLaunchConfig();
  const server = await serveStatic(options.siteDir, options.prefix ?? "/");
  const pagesFile = options.pages ? path.join(mkdtempSync(path.join(tmpdir(), "lr-a11y-pages-")), "pages.json") : undefined;
  if (pagesFile) writeFileSync(pagesFile, JSON.stringify(options.pages));
  try {
    const bin = path.join(process.cwd(), "node_modules", "pa11y-ci", "bin", "pa11y-ci.js");
    const result = await x(process.execPath, [bin, "--config", path.join(process.cwd(), ".pa11yci.cjs")], {
      nodeOptions: {
        env: {
          [LAUNCH_ENV]: JSON.stringify(launch),
          A11Y_SITE_DIR: path.resolve(options.siteDir),
          A11Y_BASE_URL: server.url,
          ...(options.jsonReport ? { A11Y_JSON_REPORT: path.resolve(options.jsonReport) } : {}),
          ...(pagesFile ? { A11Y_PAGES_FILE: pagesFile } : {}),
        },
        stdio: options.stdio === "pipe" ? ["ignore", "pipe", "pipe"] : "inherit",
      },
    });
    const code = result.exitCode ?? 1;
    const output = result.stdout + result.stderr;
    return { code, output };
  } finally {
    await server.close();
    if (pagesFile) rmSync(path.dirname(pagesFile), { recursive: true, force: true });
  }
}
