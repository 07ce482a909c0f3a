import { describe, expect, it } from "vitest";
import { paginate } from "../../../src/catalogue/paging.ts";

describe("paginate", () => {
  it("splits a list into pages with their addresses and neighbours", () => {
    const pages = paginate([1, 2, 3, 4, 5], "/reviews/type/cspr/", 2);
    expect(pages.map((p) => [p.url, p.items, p.previousUrl, p.nextUrl, p.label])).toEqual([
      ["/reviews/type/cspr/", [1, 2], null, "/reviews/type/cspr/page/2/", "Page 1 of 3"],
      ["/reviews/type/cspr/page/2/", [3, 4], "/reviews/type/cspr/", "/reviews/type/cspr/page/3/", "Page 2 of 3"],
      ["/reviews/type/cspr/page/3/", [5], "/reviews/type/cspr/page/2/", null, "Page 3 of 3"],
    ]);
  });
  it("keeps one page for a short or empty list", () => {
    expect(paginate([1], "/x/", 50)).toHaveLength(1);
    expect(paginate([], "/x/", 50)).toEqual([expect.objectContaining({ items: [], pageCount: 1, nextUrl: null })]);
  });
});
