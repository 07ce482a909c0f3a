import { describe, expect, it } from "vitest";
import { chromiumArgs } from "../../../src/checks/chromium.ts";

describe("Chromium's launch arguments", () => {
  it("turn the sandbox off as root, where Chromium cannot start with it", () => {
    expect(chromiumArgs({ uid: 0, env: {} })).toContain("--no-sandbox");
  });

  it("keep the sandbox for any other user", () => {
    for (const uid of [1, 1000, 65534]) expect(chromiumArgs({ uid, env: {} }), `uid ${uid}`).not.toContain("--no-sandbox");
  });

  it("keep the sandbox where the platform has no user ids (Windows)", () => {
    expect(chromiumArgs({ uid: undefined, env: {} })).not.toContain("--no-sandbox");
  });

  it("turn it off for another user only when CHROMIUM_NO_SANDBOX=1 asks (a container without user namespaces)", () => {
    expect(chromiumArgs({ uid: 1000, env: { CHROMIUM_NO_SANDBOX: "1" } })).toContain("--no-sandbox");
    for (const value of ["", "0", "false", "no"]) {
      expect(chromiumArgs({ uid: 1000, env: { CHROMIUM_NO_SANDBOX: value } }), JSON.stringify(value)).not.toContain("--no-sandbox");
    }
  });

  it("always keep the flags the closed network and small /dev/shm need", () => {
    for (const uid of [0, 1000]) {
      expect(chromiumArgs({ uid, env: {} })).toEqual(expect.arrayContaining(["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]));
    }
  });
});
