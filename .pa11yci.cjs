// pa11y-ci configuration: every HTML page of the built site, at a phone width and a desktop width.
// scripts/a11y.ts serves the site and sets A11Y_SITE_DIR and A11Y_BASE_URL; run the check with `npm run test:a11y`.
const { globSync } = require("tinyglobby");

const siteDir = process.env.A11Y_SITE_DIR;
const baseUrl = process.env.A11Y_BASE_URL;
// Chromium's path and flags come from src/checks/chromium.ts, the one place for them.
const launch = process.env.A11Y_CHROME_LAUNCH;
if (!siteDir || !baseUrl || !launch)
  throw new Error("Run the accessibility check with `npm run test:a11y`, which serves the site and sets A11Y_SITE_DIR, A11Y_BASE_URL and A11Y_CHROME_LAUNCH.");

/**
 * Every public .html file under the site, as the address a visitor would use (not the editor at /admin/, a
 * third-party tool for maintainers); or the pages the nightly chose (A11Y_PAGES_FILE).
 */
function pages(dir) {
  if (process.env.A11Y_PAGES_FILE) return JSON.parse(require("node:fs").readFileSync(process.env.A11Y_PAGES_FILE, "utf8"));
  return globSync("**/*.html", { cwd: dir, dot: true, ignore: ["admin/**"] })
    .map((file) => "/" + file.replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}

const viewports = [
  { width: 320, height: 640 },
  { width: 1280, height: 900 },
];

module.exports = {
  defaults: {
    standard: "WCAG2AA",
    runners: ["axe", "htmlcs"],
    threshold: 0,
    timeout: 30000,
    concurrency: 4,
    useIncognitoBrowserContext: false,
    chromeLaunchConfig: JSON.parse(launch),
    reporters: process.env.A11Y_JSON_REPORT ? ["cli", ["json", { fileName: process.env.A11Y_JSON_REPORT }]] : ["cli"],
  },
  urls: pages(siteDir).flatMap((page) =>
    viewports.map((viewport) => ({ url: baseUrl + page + (page.includes("?") ? "&" : "?") + `width=${viewport.width}`, viewport })),
  ),
};
