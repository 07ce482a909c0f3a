import { spawn } from "node:child_process";
import path from "node:path";
import { requireChromium } from "./chromium.ts";
import { serveStatic } from "./static-server.ts";

export interface A11yCheckOptions {
  /** The built site to check. */
  siteDir: string;
  /** Also write pa11y-ci's JSON report here. */
  jsonReport?: string;
  /** The path the site is built for (the path of `url` in site.json), where it is served for the check. */
  prefix?: string;
  /** Where pa11y-ci's output goes; by default this process's own. */
  stdio?: "inherit" | "pipe";
}

/**
 * Run pa11y-ci (axe and HTML_CodeSniffer, WCAG 2.2 AA, threshold 0) over every
 * page of a built site, served on 127.0.0.1 for the length of the check.
 * Resolves with pa11y-ci's exit code (0 when every page passes) and its output.
 */
export async function runA11yCheck(options: A11yCheckOptions): Promise<{ code: number; output: string }> {
  const chrome = requireChromium();
  const server = await serveStatic(options.siteDir, options.prefix ?? "/");
  try {
    const bin = path.join(process.cwd(), "node_modules", "pa11y-ci", "bin", "pa11y-ci.js");
    const child = spawn(process.execPath, [bin, "--config", path.join(process.cwd(), ".pa11yci.cjs")], {
      env: {
        ...process.env,
        CHROME_PATH: chrome,
        A11Y_SITE_DIR: path.resolve(options.siteDir),
        A11Y_BASE_URL: server.url,
        ...(options.jsonReport ? { A11Y_JSON_REPORT: path.resolve(options.jsonReport) } : {}),
      },
      stdio: options.stdio === "pipe" ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (exit) => resolve(exit ?? 1));
    });
    return { code, output };
  } finally {
    await server.close();
  }
}
