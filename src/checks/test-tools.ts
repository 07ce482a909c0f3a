/**
 * What `npm test`'s set-up (scripts/ensure-test-tools.sh) does about the programs the tests drive: Chromium for
 * the browser and accessibility checks, nginx for the web-server test. In CI it installs what is missing from
 * Debian's packages; on a person's machine it installs nothing unless asked (`--install` or `INSTALL_TEST_TOOLS=1`),
 * and otherwise prints the exact command and stops. Pure: what was found is handed in.
 */

export interface ToolsFound {
  /** Where the browser is looked for: CHROME_PATH, else /usr/bin/chromium. */
  chromePath: string;
  /** The path came from CHROME_PATH (installing Chromium would not fix a wrong one). */
  chromeFromEnv: boolean;
  chromeFound: boolean;
  nginxFound: boolean;
  aptGet: boolean;
  uid: number | undefined;
  /** `sudo -n true` works (password-less sudo). */
  sudo: boolean;
}

export type ToolsPlan = { action: "ready" } | { action: "install"; packages: string[]; asRoot: string[] } | { action: "stop"; message: string };

const yes = (value: string | undefined) => value === "1" || value?.toLowerCase() === "true";

/** In CI (`CI=true` or `CI=1`, as CI services set it), or when asked with `--install` or `INSTALL_TEST_TOOLS=1`. */
export function installWanted(env: Record<string, string | undefined>, args: readonly string[]): boolean {
  return yes(env.CI) || env.INSTALL_TEST_TOOLS === "1" || args.includes("--install");
}

export function testToolsPlan(found: ToolsFound, allowed: boolean): ToolsPlan {
  if (found.chromeFromEnv && !found.chromeFound) {
    return { action: "stop", message: `CHROME_PATH is ${found.chromePath}, but there is no browser there. Point it at a Chrome or Chromium executable.` };
  }
  const packages = [...(found.chromeFound ? [] : ["chromium"]), ...(found.nginxFound ? [] : ["nginx"])];
  if (packages.length === 0) return { action: "ready" };
  const root = found.uid === 0;
  if (allowed && found.aptGet && (root || found.sudo)) return { action: "install", packages, asRoot: root ? [] : ["sudo", "-n"] };
  const sudo = root ? "" : "sudo ";
  const command = `${sudo}apt-get update && ${sudo}apt-get install -y ${packages.join(" ")}`;
  const lines = [
    `Missing: ${packages.join(" ")}. The browser tests need Chromium and the web-server test needs nginx.`,
    `Install them with:\n  ${command}\n(or set CHROME_PATH to a Chrome or Chromium executable).`,
    allowed
      ? `They could not be installed here: ${found.aptGet ? "this needs root or password-less sudo" : "there is no apt-get (not Debian or Ubuntu)"}.`
      : "Nothing was installed: outside CI the tests install system packages only when asked. To let them, run\n  INSTALL_TEST_TOOLS=1 npm test\n(or bash scripts/ensure-test-tools.sh --install).",
  ];
  return { action: "stop", message: lines.join("\n") };
}
