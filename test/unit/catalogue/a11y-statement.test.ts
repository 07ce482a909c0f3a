import { describe, expect, it } from "vitest";
import { automatedChecksText } from "../../../src/catalogue/a11y-statement.ts";
import { buildCatalogue } from "../../../src/catalogue/index.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import { fixtureSite } from "../../helpers/site.ts";

describe("what the accessibility statement says of automated checks", () => {
  it("says nothing when no check was run or recorded, even with an empty record", () => {
    expect(automatedChecksText(undefined, "2026-12-01")).toEqual([]);
    expect(automatedChecksText({}, "2026-12-01")).toEqual([]);
  });

  it("says when every page was last checked, how many, and how", () => {
    const [full, caveat, ...rest] = automatedChecksText({ lastFull: { checkedOn: "2026-11-20", pages: 1 } }, "2026-12-01");
    expect(full).toBe(
      "On 20 November 2026, every page of this website as it was then (1 page) was checked automatically with pa11y, using its axe and HTML_CodeSniffer tools and the WCAG 2 level A and AA rules they can test, at a phone width (320 pixels) and a desktop width (1280 pixels), and no errors were found.",
    );
    expect(caveat).toBe("Automated checks find only some kinds of accessibility problem.");
    expect(rest).toEqual([]);
  });

  it("says a sample of this version was checked, saying how when no check of every page comes before it", () => {
    const [sample] = automatedChecksText({ beforePublish: "changed" }, "2026-12-01");
    expect(sample).toMatch(/^Before this version of the website \(1 December 2026\) was published, some of its pages were checked automatically with pa11y, /);
    expect(sample).toContain(
      "one page of each kind (for example a review page, a list of reviews and this statement) and every page that was new or had changed",
    );
    expect(sample).toContain("A version of the website that fails this check is not published.");
    const [full, after] = automatedChecksText({ beforePublish: "changed", lastFull: { checkedOn: "2026-11-20", pages: 40 } }, "2026-12-01");
    expect(full).toContain("On 20 November 2026, every page of this website as it was then (40 pages)");
    expect(after).toContain("some of its pages were checked automatically in the same way:");
  });

  it("says every page of this version was checked, and not an older check, when the nightly checks them all", () => {
    const text = automatedChecksText({ beforePublish: "all", lastFull: { checkedOn: "2026-11-20", pages: 40 } }, "2026-12-01");
    expect(text[0]).toMatch(
      /^Before this version of the website \(1 December 2026\) was published, every one of its pages was checked automatically with pa11y/,
    );
    expect(text.join(" ")).not.toContain("20 November 2026");
    expect(text).toHaveLength(2);
  });

  it("reaches the statement through the catalogue, and never claims a check per build", () => {
    const site = fixtureSite() as unknown as SiteSettings;
    expect(buildCatalogue([], site, "2026-12-01").accessibility.automatedChecks).toEqual([]);
    const checked = buildCatalogue([], site, "2026-12-01", [], { beforePublish: "changed" }).accessibility.automatedChecks;
    expect(checked[0]).toContain("this version of the website (1 December 2026)");
    expect(checked.join(" ")).not.toMatch(/each time the site is built/);
  });
});
