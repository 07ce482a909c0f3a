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

/** Flags every launch takes: the closed network makes background requests fail noisily, and containers have a small /dev/shm. */
const CHROMIUM_FLAGS = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

/**
 * Launch arguments for Chromium here. Its sandbox stays on unless it cannot work: as root (Chromium refuses to
 * start sandboxed), or when `CHROMIUM_NO_SANDBOX=1` says so (a container without user namespaces, where Chromium
 * says "No usable sandbox!"). Pure: the user id and environment are handed in.
 */
export function chromiumArgs({ uid, env }: { uid: number | undefined; env: Record<string, string | undefined> }): string[] {
  const noSandbox = uid === 0 || env.CHROMIUM_NO_SANDBOX === "1";
  return [...(noSandbox ? ["--no-sandbox"] : []), ...CHROMIUM_FLAGS];
}

/** The environment variable that hands `chromeLaunchConfig()` to `.pa11yci.cjs`, which pa11y-ci loads with require() and so cannot import this module. */
export const LAUNCH_ENV = "A11Y_CHROME_LAUNCH";

/** How every browser check starts Chromium (playwright-core in the tests, puppeteer under pa11y-ci): the one place for its path and flags. */
export function chromeLaunchConfig(env: Record<string, string | undefined> = process.env): { executablePath: string; args: string[] } {
  return { executablePath: requireChromium(env), args: chromiumArgs({ uid: process.getuid?.(), env }) };
}
