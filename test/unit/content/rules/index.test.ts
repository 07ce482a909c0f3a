import { describe, expect, it } from "vitest";
import * as documentRules from "../../../../src/content/rules/document-rules.ts";
import { REVIEW_RULES, REVIEW_WARNINGS, reviewFindings } from "../../../../src/content/rules/index.ts";
import * as reviewRules from "../../../../src/content/rules/review-rules.ts";
import * as themeRules from "../../../../src/content/rules/theme-rules.ts";
import { RESERVED_IDS } from "../../../../src/model/review.ts";
import { atHand } from "../../../helpers/review-at-hand.ts";

/** Every rule in the lists, a theme's and a document's rules in their place. */
const listed = [...REVIEW_RULES.flatMap((rule) => [rule, ...(rule.rules ?? [])]), ...REVIEW_WARNINGS];

describe("the list of rules", () => {
  it("holds every rule the rule modules export, each once", () => {
    const exported = [reviewRules, themeRules, documentRules].flatMap((module) => Object.values(module)).filter((v) => typeof v === "function");
    expect(exported.length).toBeGreaterThan(0);
    for (const rule of exported)
      expect(
        listed.filter((l) => l === rule),
        rule.name,
      ).toHaveLength(1);
  });

  it("reads as what is checked, in the order problems are listed", () => {
    expect(REVIEW_RULES.map((rule) => [rule.name, ...(rule.rules ?? []).map((r) => r.name)])).toEqual([
      ["dateGivenUnlessDelayed"],
      ["idNotReserved"],
      ["each of themes", "themeHasLetters", "themeAddressNotShared"],
      ["idNotTaken"],
      ["folderNotLinked"],
      ["each of documents", "noOverviewReportWhenWithheld", "fileOrUrl", "fileInFolder"],
    ]);
    expect(REVIEW_WARNINGS.map((rule) => rule.name)).toEqual(["publishedByBuildDate"]);
  });
});

describe("reviewFindings", () => {
  it("runs the rules in the list's order, a theme's and a document's rules for each in turn, with its place in the field", () => {
    const id = RESERVED_IDS[0]!;
    const review = atHand(
      {
        id,
        status: "withheld",
        themes: ["Neglect", "?", "neglect", 7, "   ", "!"],
        documents: [{ kind: "overview-report", title: "T", file: "a.pdf", url: "https://example.org/" }, "not a document", {}],
      },
      { index: 3 },
    );
    review.seen.themes.set("neglect", { theme: "NEGLECT", review: 'review "first"' });
    review.seen.ids.set(id, 0);
    expect(reviewFindings(review).map((f) => f.field)).toEqual([
      ["published"],
      ["id"],
      ["themes", 0],
      ["themes", 1],
      ["themes", 2],
      ["themes", 5],
      ["id"],
      ["documents", 0, "kind"],
      ["documents", 0],
      ["documents", 2],
    ]);
  });

  it("finds nothing in a review with nothing to compare", () => {
    expect(reviewFindings(atHand({}))).toEqual([]);
    expect(reviewFindings(atHand({ themes: [], documents: [] }))).toEqual([]);
  });
});
