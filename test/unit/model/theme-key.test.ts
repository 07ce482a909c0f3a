import { describe, expect, it } from "vitest";
import { themeKey } from "../../../src/model/theme-key.ts";

describe("themeKey", () => {
  it("makes the addresses its description promises", () => {
    expect(themeKey("Domestic abuse")).toBe("domestic-abuse");
    expect(themeKey("Straße")).toBe("strasse");
    expect(themeKey("child's voice")).toBe("childs-voice");
  });

  it("gives one address to spellings that differ only in Unicode form or case, and keeps markup out of it", () => {
    expect(themeKey("Ｎｅｇｌｅｃｔ")).toBe(themeKey("neglect"));
    expect(themeKey('<script>alert("x")</script>')).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});
