import { describe, expect, it } from "vitest";
import { previewHost } from "../../../src/eleventy/dev-server-host.ts";

describe("the address npm start's preview listens on", () => {
  it("is 127.0.0.1 by default, so nobody else on the network sees a preview (it lists reviews not yet public)", () => {
    expect(previewHost({})).toBe("127.0.0.1");
    expect(previewHost({ PREVIEW_HOST: "" })).toBe("127.0.0.1");
    expect(previewHost({ PREVIEW_HOST: "   " })).toBe("127.0.0.1");
  });

  it("is what PREVIEW_HOST asks for, when someone opens it up on purpose", () => {
    expect(previewHost({ PREVIEW_HOST: "0.0.0.0" })).toBe("0.0.0.0");
    expect(previewHost({ PREVIEW_HOST: " ::1 " })).toBe("::1");
  });
});
