/**
 * `bash scripts/ensure-test-tools.sh [--install]` (run by `npm test`): makes sure Chromium and nginx are here.
 * What it does is decided by src/checks/test-tools.ts: in CI it installs what is missing with apt-get (as root or
 * with password-less sudo); elsewhere only when asked (`--install`, `INSTALL_TEST_TOOLS=1`), else it prints the
 * command to run and exits 1.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { chromiumPath } from "../src/checks/chromium.ts";
import { installWanted, testToolsPlan } from "../src/checks/test-tools.ts";

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (name: string) => (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && executable(path.join(dir, name)));
const run = (command: string[], quiet = false) =>
  spawnSync(command[0]!, command.slice(1), { stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"] }).status === 0;

const allowed = installWanted(process.env, process.argv.slice(2));
const uid = process.getuid?.();
const chromePath = chromiumPath(process.env);
const plan = testToolsPlan(
  {
    chromePath,
    chromeFromEnv: Boolean(process.env.CHROME_PATH),
    chromeFound: executable(chromePath),
    nginxFound: onPath("nginx") || executable("/usr/sbin/nginx"),
    aptGet: onPath("apt-get"),
    uid,
    // Asked only when it would be used.
    sudo: allowed && uid !== 0 && run(["sudo", "-n", "true"], true),
  },
  allowed,
);
if (plan.action === "stop") {
  console.error(plan.message);
  process.exit(1);
}
if (plan.action === "install") {
  console.log(`Installing Debian's ${plan.packages.join(" ")} for the tests (about 30 s)...`);
  const ok = run([...plan.asRoot, "apt-get", "update", "-qq"]) && run([...plan.asRoot, "apt-get", "install", "-y", "-qq", ...plan.packages], true);
  if (!ok) {
    console.error(`Installing ${plan.packages.join(" ")} failed; see apt-get's message above.`);
    process.exit(1);
  }
  // Debian starts nginx as a service when it is installed; the tests run their own instance.
  if (plan.packages.includes("nginx")) run([...plan.asRoot, "service", "nginx", "stop"], true);
}
