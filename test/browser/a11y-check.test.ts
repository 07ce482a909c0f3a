import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runA11yCheck } from "../../src/checks/a11y-check.ts";
import { createRequire } from "node:module";
import { chromeLaunchConfig, LAUNCH_ENV, requireChromium } from "../../src/checks/chromium.ts";
import { temporaryFolder } from "../helpers/temporary.ts";

describe("the accessibility check", () => {
  it("is live: it fails a page with known failures and names them", async () => {
    const report = path.join(temporaryFolder("lr-a11y-test-"), "report.json");
    const { code, output } = await runA11yCheck({ siteDir: path.join(import.meta.dirname, "..", "fixtures", "a11y-bad"), jsonReport: report, stdio: "pipe" });
    expect(code, output).not.toBe(0);
    expect(output).toMatch(/0\/2 URLs passed/);
    const results = JSON.parse(readFileSync(report, "utf8")) as { results: Record<string, { code: string; message: string; runner: string }[]> };
    const issues = Object.values(results.results).flat();
    const codes = issues.map((issue) => issue.code);
    // Both runners find each failure: axe by rule name, HTML_CodeSniffer by WCAG technique.
    expect(codes).toContain("image-alt");
    expect(codes).toContain("label");
    expect(codes).toContain("color-contrast");
    expect(codes).toEqual(expect.arrayContaining([expect.stringContaining("1_1_1.H37"), expect.stringContaining("1_4_3.G18")]));
    expect(new Set(issues.map((issue) => issue.runner))).toEqual(new Set(["axe", "htmlcs"]));
    // Checked at both widths.
    expect(Object.keys(results.results).sort()).toEqual([expect.stringContaining("width=1280"), expect.stringContaining("width=320")]);
  });

  it("refuses to run, and says how to install a browser, when there is none", () => {
    expect(() => requireChromium({ CHROME_PATH: "/nonexistent/chromium" })).toThrow(
      /No browser found at \/nonexistent\/chromium.*\n.*apt-get install -y chromium/,
    );
  });

  it("launches Chromium as src/checks/chromium.ts says: pa11y-ci's config takes the path and flags from there", () => {
    const config = path.join(import.meta.dirname, "..", "..", ".pa11yci.cjs");
    const saved = { ...process.env };
    try {
      Object.assign(process.env, {
        A11Y_SITE_DIR: path.join(import.meta.dirname, "..", "fixtures", "a11y-bad"),
        A11Y_BASE_URL: "http://127.0.0.1:9",
        [LAUNCH_ENV]: JSON.stringify(chromeLaunchConfig()),
      });
      const loaded = createRequire(import.meta.url)(config) as { defaults: { chromeLaunchConfig: unknown } };
      expect(loaded.defaults.chromeLaunchConfig).toEqual(chromeLaunchConfig());
    } finally {
      process.env = saved;
    }
  });
});
