import { describe, expect, it } from "vitest";
import { kindOf } from "../../../src/checks/a11y-sample.ts";

describe("the kinds of page the nightly's accessibility check samples", () => {
  const listed = new Set(["child-a"]);
  const removed = new Set(["child-b"]);

  it("counts the finder's later pages as one kind, so the sample does not grow with the number of reviews", () => {
    expect(kindOf("/page/2/", listed, removed)).toBe("finder, later page");
    expect(kindOf("/page/368/", listed, removed)).toBe("finder, later page");
    expect(kindOf("/", listed, removed)).toBe("/");
    expect(kindOf("/accessibility/documents/page/40/", listed, removed)).toBe("documents not fully accessible, later page");
    expect(kindOf("/accessibility/documents/", listed, removed)).toBe("/accessibility/documents/");
  });

  it("tells review pages, removal notices, filter pages and document pages apart", () => {
    expect(kindOf("/reviews/child-a/", listed, removed)).toBe("review page");
    expect(kindOf("/reviews/child-b/", listed, removed)).toBe("removal notice");
    expect(kindOf("/reviews/theme/neglect/page/2/", listed, removed)).toBe("filter page (theme), later page");
    expect(kindOf("/reviews/child-a/executive-summary/", listed, removed)).toBe("document page");
  });

  it("counts a finder's partnership pages as one kind and its areas' pages as another, however many partnerships it lists", () => {
    expect(kindOf("/reviews/partnership/north/", listed, removed)).toBe("filter page (partnership)");
    expect(kindOf("/reviews/partnership/north/page/2/", listed, removed)).toBe("filter page (partnership), later page");
    expect(kindOf("/reviews/partnership/north/coast/", listed, removed)).toBe("filter page (area within a partnership)");
    expect(kindOf("/reviews/partnership/south/page/", listed, removed)).toBe("filter page (area within a partnership)");
    expect(kindOf("/reviews/partnership/south/west/page/3/", listed, removed)).toBe("filter page (area within a partnership), later page");
  });
});
