import { describe, expect, it } from "vitest";
import { newSeen } from "../../../../src/content/rules/at-hand.ts";
import { themeAddressNotShared, themeHasLetters } from "../../../../src/content/rules/theme-rules.ts";
import { atHand } from "../../../helpers/review-at-hand.ts";

describe("themeHasLetters", () => {
  it("refuses a theme with no letters or digits, quoting it", () => {
    for (const theme of ["!!!", " - ", "<>\"'/"]) {
      expect(themeHasLetters(theme)).toEqual([{ field: [], message: expect.stringContaining(`the theme ${JSON.stringify(theme)} has no letters or digits`) }]);
    }
  });

  it("accepts a theme with a letter or a digit, accented or not", () => {
    for (const theme of ["neglect", "2 + 2", "Ñandú", "&"]) expect(themeHasLetters(theme), theme).toEqual([]);
  });
});

describe("themeAddressNotShared", () => {
  it("refuses a theme spelt another way than an earlier one with the same address, naming the earlier review", () => {
    const seen = newSeen();
    expect(themeAddressNotShared("Domestic abuse", 0, atHand({ id: "family-q" }, { seen }))).toEqual([]);
    expect(themeAddressNotShared("domestic  ABUSE!", 2, atHand({ id: "baby-r" }, { index: 1, seen }))).toEqual([
      {
        field: [],
        message:
          'the theme "domestic  ABUSE!" and the theme "Domestic abuse" (review "family-q") would share the address /reviews/theme/domestic-abuse/; spell them the same way.',
      },
    ]);
  });

  it("accepts the same spelling again, in the same review or another", () => {
    const seen = newSeen();
    themeAddressNotShared("Neglect", 0, atHand({ id: "a" }, { seen }));
    expect(themeAddressNotShared("Neglect", 1, atHand({ id: "a" }, { seen }))).toEqual([]);
    expect(themeAddressNotShared("Neglect", 0, atHand({ id: "b" }, { index: 1, seen }))).toEqual([]);
  });

  it("leaves a theme with no address to themeHasLetters", () => {
    const seen = newSeen();
    expect(themeAddressNotShared("!!!", 0, atHand({ id: "a" }, { seen }))).toEqual([]);
    expect(seen.themes.size).toBe(0);
  });
});
