import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../../src/catalogue/index.ts";
import { finderCatalogue } from "../../../src/catalogue/finder.ts";
import type { Harvest } from "../../../src/sources/harvest.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import type { Review } from "../../../src/model/review.ts";
import { formatReport, nightlyReport } from "../../../src/report/nightly-report.ts";
import { FIXTURES, fixtureSite } from "../../helpers/site.ts";

/** Partnership B keeps SCRs for 24 months (test/fixtures/partnership-b/site.json). */
const partnershipB = fixtureSite(`${FIXTURES}/partnership-b`) as unknown as SiteSettings;

function scr(id: string, published: string): Review {
  return { id, title: `Title of ${id}`, type: "SCR", area: "eastmere", status: "published", published, themes: [], documents: [] };
}

describe("the nightly report for a partnership that keeps SCRs 24 months", () => {
  // Published 2024-11-26: its 24 months end on 2026-11-26, the build date. Published 2024-12-10: it leaves on 2026-12-10.
  const catalogue = buildCatalogue([scr("scr-ended", "2024-11-26"), scr("scr-leaving", "2024-12-10")], partnershipB, "2026-11-26");
  const previous = [{ id: "scr-ended", type: "SCR", title: "Title of scr-ended" }];
  const report = nightlyReport(catalogue, previous);

  it("says an SCR left because its 24-month window ended, not a 12-month one", () => {
    expect(partnershipB.retentionMonths).toBe(24);
    expect(report.changes?.removed).toEqual([{ id: "scr-ended", type: "SCR", title: "Title of scr-ended", reason: "24-month window ended 2026-11-26" }]);
    expect(formatReport(report)).toContain("  - scr-ended (SCR) removed: 24-month window ended 2026-11-26");
    expect(formatReport(report)).not.toMatch(/12.month/);
  });

  it("says an SCR due to go leaves on its day, in so many days (not that it was removed)", () => {
    const text = formatReport(report);
    expect(text).toContain("  scr-leaving (Title of scr-leaving): leaves on 2026-12-10, in 14 days");
    expect(text).not.toContain("removed on 2026-12-10");
  });

  it("says one day and one review, not one days and one reviews, when one SCR is listed and leaves tomorrow", () => {
    const text = formatReport(nightlyReport(buildCatalogue([scr("scr-tomorrow", "2024-11-27")], partnershipB, "2026-11-26"), []));
    expect(text.split("\n")).toContain("  scr-tomorrow (Title of scr-tomorrow): leaves on 2026-11-27, in 1 day");
    expect(text).toContain("Listed: 1 review (1 SCR).");
  });
});

describe("the nightly report for a partnership that keeps SCRs 1 month", () => {
  it("says a 1-month window ended", () => {
    const site = { ...partnershipB, retentionMonths: 1 };
    const report = nightlyReport(buildCatalogue([scr("scr-short", "2026-10-26")], site, "2026-11-26"), [
      { id: "scr-short", type: "SCR", title: "Title of scr-short" },
    ]);
    expect(report.changes?.removed[0]?.reason).toBe("1-month window ended 2026-11-26");
  });
});

describe("the nightly report of a finder", () => {
  const source = (id: string, state: "read" | "kept" | "never", lastRead: string | null, problems: unknown[] = []) => ({
    source: { id, name: `${id} Partnership`, feed: `https://${id}.example.org/reviews.json` },
    state,
    lastRead,
    listed: 0,
    problems,
    dropped: [],
  });
  const catalogue = finderCatalogue(
    {
      date: "2026-11-26",
      sources: [
        source("north", "read", "2026-11-26"),
        source("south", "kept", "2026-11-20", [{ file: 'source "south"', message: "the server answered 503." }]),
        source("east", "never", null, [{ file: 'source "east"', message: "it is not JSON." }]),
      ] as Harvest["sources"],
      records: [],
    },
    { ...(fixtureSite() as unknown as SiteSettings), areas: {} },
    "2026-11-26",
  );

  it("has one line for each source not read tonight, saying when it was last read and what went wrong, and none for a source read", () => {
    const lines = formatReport(nightlyReport(catalogue, null))
      .split("\n")
      .filter((line) => line.startsWith("Source not read"));
    expect(lines).toEqual([
      expect.stringMatching(
        /^Source not read tonight: south Partnership \(south\): Not read at this build[^;]*; last read 20 November 2026\. .*the server answered 503\.$/,
      ),
      expect.stringMatching(/^Source not read tonight: east Partnership \(east\): Never read; last read never\. .*it is not JSON\.$/),
    ]);
  });

  it("has no such line on a partnership's own site", () => {
    const own = buildCatalogue([], { ...(fixtureSite() as unknown as SiteSettings) }, "2026-11-26");
    expect(nightlyReport(own, null).sourcesNotRead).toBeUndefined();
    expect(formatReport(nightlyReport(own, null))).not.toContain("Source not read");
  });
});
