import { describe, expect, it } from "vitest";
import { rebuildInput } from "../../../src/release/fallback.ts";
import type { BuildMeta } from "../../../src/build/build-record.ts";
import { fixtureSite } from "../../helpers/site.ts";

const review = (id: string, type: "CSPR" | "SCR", published: string) => ({ id, title: id, type, area: "northshire", status: "published", published });
const kept = (reviews: unknown[]) => ({ buildDate: "x", contentRoot: "/srv/project", site: fixtureSite(), reviews, warnings: [] });
const meta = (buildDate: string, listed: string[], removed: string[]): BuildMeta => ({
  generator: "learning-reviews",
  buildDate,
  listed: listed.map((id) => ({ id, title: id, removalDate: null })),
  removed,
});
const SITE = "/srv/_site.builds/kept/site";
const ids = (input: Record<string, unknown>) => (input.reviews as { id: string }[]).map((r) => r.id);

describe("the data a fallback rebuilds a kept build from", () => {
  const reviews = [
    review("cspr", "CSPR", "2024-01-01"),
    review("old-scr", "SCR", "2024-01-01"),
    review("scr", "SCR", "2026-01-10"),
    review("later", "CSPR", "2090-01-01"),
  ];

  it("at a later date: what it listed and what it removed (which keeps its notice), never what it did not publish yet", () => {
    const input = rebuildInput(kept(reviews), meta("2026-11-25", ["cspr", "scr"], ["old-scr"]), SITE, "2026-11-26");
    expect(ids(input)).toEqual(["cspr", "old-scr", "scr"]);
    // The documents are read from the kept build's own served copy.
    expect(input).toMatchObject({ buildDate: "2026-11-26", contentRoot: SITE });
  });

  it("at an earlier date (a build dated after today): not a review it removed that the earlier date would list, whose documents it does not have", () => {
    // Made for 2090: the SCR of 2026 had left it; on 2026-11-26 it would be listed again.
    const input = rebuildInput(kept(reviews), meta("2090-06-01", ["cspr", "later"], ["old-scr", "scr"]), SITE, "2026-11-26");
    expect(ids(input)).toEqual(["cspr", "old-scr", "later"]);
  });

  it("of a build that listed nothing, and of kept data with no list of reviews (the kept code then refuses it)", () => {
    expect(ids(rebuildInput(kept(reviews), meta("2026-11-25", [], []), SITE, "2026-11-26"))).toEqual([]);
    expect(ids(rebuildInput({ site: fixtureSite() }, meta("2026-11-25", ["cspr"], []), SITE, "2026-11-26"))).toEqual([]);
  });

  it("keeps a partnership's own retention period: a 24-month SCR removed at its build date stays removed", () => {
    const site = { ...fixtureSite(), retentionMonths: 24 };
    const input = rebuildInput({ ...kept([review("scr", "SCR", "2024-01-10")]), site }, meta("2090-06-01", [], ["scr"]), SITE, "2026-01-09");
    // On 2026-01-09 a 24-month SCR of 2024-01-10 is listed again, and its documents are not in the kept copy: left out.
    expect(ids(input)).toEqual([]);
  });
});
