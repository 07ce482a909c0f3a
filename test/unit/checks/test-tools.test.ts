import { describe, expect, it } from "vitest";
import { installWanted, testToolsPlan, type ToolsFound } from "../../../src/checks/test-tools.ts";

const nothingMissing: ToolsFound = {
  chromePath: "/usr/bin/chromium",
  chromeFromEnv: false,
  chromeFound: true,
  nginxFound: true,
  aptGet: true,
  uid: 1000,
  sudo: true,
};
const bothMissing: ToolsFound = { ...nothingMissing, chromeFound: false, nginxFound: false };

describe("whether the test set-up may install system packages", () => {
  it("installs in CI (CI=true or CI=1, as CI services set it), without being asked", () => {
    expect(installWanted({ CI: "true" }, [])).toBe(true);
    expect(installWanted({ CI: "1" }, [])).toBe(true);
  });

  it("does not install on a person's machine unless asked by --install or INSTALL_TEST_TOOLS=1", () => {
    expect(installWanted({}, [])).toBe(false);
    expect(installWanted({ CI: "false" }, [])).toBe(false);
    expect(installWanted({ CI: "" }, [])).toBe(false);
    expect(installWanted({ INSTALL_TEST_TOOLS: "0" }, [])).toBe(false);
    expect(installWanted({}, ["--install"])).toBe(true);
    expect(installWanted({ INSTALL_TEST_TOOLS: "1" }, [])).toBe(true);
  });
});

describe("what the test set-up does", () => {
  it("does nothing when Chromium and nginx are both there, asked or not", () => {
    expect(testToolsPlan(nothingMissing, false)).toEqual({ action: "ready" });
    expect(testToolsPlan(nothingMissing, true)).toEqual({ action: "ready" });
  });

  it("off CI and unasked, installs nothing: it prints the exact command and how to let it install, and stops", () => {
    const plan = testToolsPlan(bothMissing, false);
    expect(plan.action).toBe("stop");
    if (plan.action !== "stop") return;
    expect(plan.message).toContain("Missing: chromium nginx");
    expect(plan.message).toContain("sudo apt-get update && sudo apt-get install -y chromium nginx");
    expect(plan.message).toContain("INSTALL_TEST_TOOLS=1 npm test");
  });

  it("as root off CI, the command it prints needs no sudo", () => {
    const plan = testToolsPlan({ ...bothMissing, uid: 0, nginxFound: true }, false);
    expect(plan.action === "stop" && plan.message).toContain("\n  apt-get update && apt-get install -y chromium\n");
  });

  it("installs only what is missing when allowed: with password-less sudo, or as root without it", () => {
    expect(testToolsPlan({ ...bothMissing, nginxFound: true }, true)).toEqual({ action: "install", packages: ["chromium"], asRoot: ["sudo", "-n"] });
    expect(testToolsPlan({ ...bothMissing, chromeFound: true, uid: 0, sudo: false }, true)).toEqual({ action: "install", packages: ["nginx"], asRoot: [] });
  });

  it("stops with the command to run when it may install but cannot (no apt-get, or neither root nor password-less sudo)", () => {
    for (const found of [
      { ...bothMissing, aptGet: false },
      { ...bothMissing, sudo: false },
    ]) {
      const plan = testToolsPlan(found, true);
      expect(plan.action).toBe("stop");
      expect(plan.action === "stop" && plan.message).toContain("sudo apt-get update && sudo apt-get install -y chromium nginx");
    }
  });

  it("never installs over a CHROME_PATH that names no browser: it says to fix the path", () => {
    const plan = testToolsPlan({ ...bothMissing, chromePath: "/opt/my chrome/chrome", chromeFromEnv: true }, true);
    expect(plan).toEqual({ action: "stop", message: expect.stringContaining("CHROME_PATH is /opt/my chrome/chrome, but there is no browser there") });
  });
});
