import { accessSync, constants } from "node:fs";

/** Where Chromium is: `CHROME_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  return env.CHROME_PATH || "/usr/bin/chromium";
}

/**
 * Chromium's path, or an error that says how to install it: the browser checks
 * must never pass silently because no browser was found.
 */
export function requireChromium(env: Record<string, string | undefined> = process.env): string {
  const path = chromiumPath(env);
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    throw new Error(
      `No browser found at ${path}, so the accessibility and browser checks cannot run.\n` +
        `Install Debian's Chromium with \`sudo apt-get update && sudo apt-get install -y chromium\`, ` +
        `or set CHROME_PATH to a Chrome or Chromium executable. (.ci/run installs it by itself.)`,
    );
  }
}

/** Launch arguments for Chromium here: as root it needs --no-sandbox, and the closed network makes background requests fail noisily. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** The environment variable that hands `chromeLaunchConfig()` to `.pa11yci.cjs`, which pa11y-ci loads with require() and so cannot import this module. */
export const LAUNCH_ENV = "A11Y_CHROME_LAUNCH";

/** How every browser check starts Chromium (playwright-core in the tests, puppeteer under pa11y-ci): the one place for its path and flags. */
export function chromeLaunchConfig(env: Record<string, string | undefined> = process.env): { executablePath: string; args: string[] } {
  return { executablePath: requireChromium(env), args: [...CHROMIUM_ARGS] };
}
