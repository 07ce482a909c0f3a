import { describe, expect, it } from "vitest";
import { slugify } from "../../../src/model/slug.ts";

describe("slugify", () => {
  it.each([
    ["neglect", "neglect"],
    ["Domestic abuse", "domestic-abuse"],
    ["  safe   sleep ", "safe-sleep"],
    ["Drugs & alcohol", "drugs-and-alcohol"],
    ["Café culture", "cafe-culture"],
    ["self-harm", "self-harm"],
    ["!!!", ""],
  ])("%j is %j", (text, slug) => expect(slugify(text)).toBe(slug));
});
