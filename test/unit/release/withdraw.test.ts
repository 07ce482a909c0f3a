import { describe, expect, it } from "vitest";
import { rebuildInput } from "../../../src/release/withdraw.ts";
import { buildFolder, type BuildMeta } from "../../../src/release/build-folder.ts";
import type { BuildInput } from "../../../src/content/build-input.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import type { Review } from "../../../src/model/review.ts";
import { fixtureSite } from "../../helpers/site.ts";

const review = (id: string, type: Review["type"], published: string): Review => ({
  id,
  title: id,
  type,
  area: "northshire",
  status: "published",
  published,
  themes: [],
  documents: [],
});
const folder = buildFolder("/srv/_site.builds/kept");
const kept = (reviews: Review[]): BuildInput => ({
  buildDate: "x",
  contentRoot: "/srv/project",
  site: fixtureSite() as unknown as SiteSettings,
  reviews,
  warnings: [],
});
const meta = (buildDate: string, listed: string[], removed: string[]): BuildMeta => ({
  generator: "learning-reviews",
  buildDate,
  listed: listed.map((id) => ({ id, title: id, removalDate: null })),
  removed,
});

describe("the data a kept build is rebuilt from", () => {
  const reviews = [
    review("cspr", "CSPR", "2024-01-01"),
    review("old-scr", "SCR", "2024-01-01"),
    review("scr", "SCR", "2026-01-10"),
    review("later", "CSPR", "2090-01-01"),
  ];

  it("at a later date: what it listed and what it removed (which keeps its notice), never what it did not publish yet", () => {
    const input = rebuildInput(folder, meta("2026-11-25", ["cspr", "scr"], ["old-scr"]), kept(reviews), "2026-11-26");
    expect(input.reviews.map((r) => r.id)).toEqual(["cspr", "old-scr", "scr"]);
    expect(input).toMatchObject({ buildDate: "2026-11-26", contentRoot: folder.site });
  });

  it("at an earlier date (a build dated after today): not a review it removed that the earlier date would list, whose documents it does not have", () => {
    // Made for 2090: the SCR of 2026 had left it; on 2026-11-26 it would be listed again.
    const input = rebuildInput(folder, meta("2090-06-01", ["cspr", "later"], ["old-scr", "scr"]), kept(reviews), "2026-11-26");
    expect(input.reviews.map((r) => r.id)).toEqual(["cspr", "old-scr", "later"]);
  });

  it("of a build that listed nothing", () => {
    expect(rebuildInput(folder, meta("2026-11-25", [], []), kept(reviews), "2026-11-26").reviews).toEqual([]);
  });
});
