import { describe, expect, it } from "vitest";
import { headingSkips } from "../../../src/content/heading-skips.ts";

describe("headingSkips", () => {
  it("finds headings that skip a level", () => {
    expect(headingSkips("## A\n\n### B\n\n## C")).toEqual([]);
    expect(headingSkips("## A\n\n#### B")).toEqual(['the heading "B" is level 4 after level 2']);
    expect(headingSkips("### Starts low")).toEqual(['the heading "Starts low" is level 3 after level 1']);
  });
});
