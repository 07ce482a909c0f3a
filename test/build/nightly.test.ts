import { readFileSync, readlinkSync, realpathSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureProject } from "../helpers/fixture-project.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { fixturePdf } from "../helpers/documents.ts";

const PDF = fixturePdf("Fixture document");

const reviews = [
  {
    id: "cspr-one",
    title: "Child One",
    type: "CSPR",
    area: "northshire",
    status: "published",
    published: "2024-04-01",
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
  },
  {
    id: "scr-ends",
    title: "Child Two",
    type: "SCR",
    area: "southvale",
    status: "published",
    published: "2025-11-26",
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
  },
  { id: "scr-soon", title: "Child Three", type: "SCR", area: "northshire", status: "withheld", published: "2025-12-15" },
  { id: "scr-later", title: "Child Four", type: "SCR", area: "northshire-and-southvale", status: "published", published: "2026-06-01" },
];
const files = { "cspr-one/overview-report.pdf": PDF, "scr-ends/overview-report.pdf": PDF };

function live(root: string) {
  return { target: readlinkSync(path.join(root, "_site")), files: snapshot(path.join(root, "_site")) };
}

describe("npm run validate", () => {
  it("lists every error in a broken file, with review, field and line, and exits non-zero", async () => {
    const site = fixtureProject({ reviews, files });
    site.writeReviews([
      { ...reviews[0], published: "2024-02-30" },
      { ...reviews[1], status: "draft", area: "preston" },
      { ...reviews[2], id: "cspr-one" },
      { ...reviews[3], documents: [{ kind: "overview-report", title: "x", file: "missing.pdf" }] },
    ]);
    const result = await site.run("validate", [], { BUILD_DATE: "2026-11-26" });
    expect(result.code).toBe(1);
    // It checks, it does not build: it must not say the site was not built.
    expect(result.stderr).not.toContain("not built");
    expect(result.stderr.split("\n")[0]).toBe("The data has 5 problems. Fix them and run npm run validate again.");
    const lines = result.stderr.split("\n").filter((line) => /^\s+\d+\. /.test(line));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^ {2}1\. _data\/reviews\.json, line \d+, review "cspr-one", field "published": "2024-02-30" is not a real calendar date/);
    expect(result.stderr).toMatch(/review "scr-ends", field "area": expected one of the site.s areas/);
    expect(result.stderr).toMatch(/review "scr-ends", field "status": expected one of "published", "withheld" or "delayed", got "draft"/);
    expect(result.stderr).toMatch(/review "cspr-one", field "id": the id "cspr-one" is already used by review 1 in the list \(line 2\)/);
    expect(result.stderr).toMatch(/review "scr-later", field "documents\[1\]\.file": the file reviews\/scr-later\/missing\.pdf does not exist/);
  });

  it("says the data is valid, and what would be listed", async () => {
    const site = fixtureProject({ reviews, files });
    const result = await site.run("validate", [], { BUILD_DATE: "2026-11-26" });
    expect(result.code, result.stderr).toBe(0);
    // The fixture's PDFs are untagged, with no title or language: the audit warns, and the data is still valid.
    expect(result.stdout).toContain("The data is valid (2 warnings above). As of 2026-11-26: 3 reviews would be listed, 1 removed.");
    expect(result.stderr).toMatch(/field "documents\[1\]\.file": this PDF is not accessible: it is not tagged.*has no title and has no language set/);
  });
});

describe("npm run nightly", () => {
  it("swaps a checked build in, and reports an SCR removed that night and one due within 30 days", async () => {
    const site = fixtureProject({ reviews, files });
    const first = await site.runOn("2026-11-25", "nightly", ["--a11y", "never"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("Changes: there was no previous build to compare with.");
    const before = live(site.root);

    const second = await site.runOn("2026-11-26", "nightly", ["--a11y", "always"]);
    expect(second.code, second.stderr + second.stdout).toBe(0);
    expect(second.stdout).toContain("Checked links, removed reviews and the search index: no problems.");
    expect(second.stdout).toMatch(/✔ \d+\/\d+ URLs passed/);
    expect(second.stdout).toContain("Nightly build for 26 November 2026: published.");
    expect(second.stdout).toContain("  - scr-ends (SCR) removed: 12-month window ended 2026-11-26");
    expect(second.stdout).toContain("SCRs due to be removed in the next 30 days:\n  scr-soon (Child Three): leaves on 2026-12-15, in 19 days");
    expect(second.stdout).not.toContain("scr-later (Child Four): removed");

    // The report is beside the output, not in it.
    const report = JSON.parse(readFileSync(path.join(site.root, "_site.report.json"), "utf8"));
    expect(report).toMatchObject({
      buildDate: "2026-11-26",
      published: true,
      listed: { total: 3, byType: { CSPR: 1, SCR: 2 }, byArea: { Northshire: 2, "Northshire and Southvale": 1 } },
      changes: { added: [], removed: [{ id: "scr-ends", type: "SCR", title: "Child Two", reason: "12-month window ended 2026-11-26" }] },
      dueForRemoval: [{ id: "scr-soon", removalDate: "2026-12-15", daysLeft: 19 }],
    });
    expect(site.exists("_site.report.json")).toBe(false);

    // The new build is live, the old one is kept as .previous, and the removed SCR's document is gone.
    const after = live(site.root);
    expect(after.target).not.toBe(before.target);
    expect(realpathSync(path.join(site.root, "_site.previous"))).toBe(realpathSync(path.join(site.root, before.target)));
    expect(snapshot(path.join(site.root, "_site.previous"))).toEqual(before.files);
    expect(Object.keys(before.files)).toContain("reviews/scr-ends/overview-report.pdf");
    expect(Object.keys(after.files)).not.toContain("reviews/scr-ends/overview-report.pdf");
    expect(site.read("reviews/scr-ends/index.html")).toContain("noindex");

    // Rollback on the same day does not bring the removed SCR back: it rebuilds the previous build's data at today's date.
    const back = await site.runOn("2026-11-26", "rollback");
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain("scr-ends (removal date 2026-11-26)");
    expect(site.exists("reviews/scr-ends/overview-report.pdf")).toBe(false);
    expect(site.read("reviews/scr-ends/index.html")).toContain("noindex");
  }, 400_000);

  it("leaves the live output exactly as it was when the check fails", async () => {
    const site = fixtureProject({ reviews, files });
    expect((await site.runOn("2026-11-24", "nightly", ["--a11y", "never"])).code).toBe(0);
    const before = live(site.root);
    site.writeReviews([{ ...reviews[0], summary: "See [the missing page](/no-such-page/)." }, ...reviews.slice(1)]);
    const failed = await site.runOn("2026-11-25", "nightly", ["--a11y", "never"]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("NOT published; the live site is unchanged");
    expect(failed.stderr).toContain("/reviews/cspr-one/ links to /no-such-page/, which is not in the build.");
    expect(live(site.root)).toEqual(before);
    const report = JSON.parse(readFileSync(path.join(site.root, "_site.report.json"), "utf8"));
    expect(report).toMatchObject({ published: false, failure: expect.stringContaining("no-such-page") });
  });

  it("leaves the live output exactly as it was when the data is invalid and nothing is due to leave", async () => {
    const site = fixtureProject({ reviews, files });
    expect((await site.runOn("2026-11-24", "nightly", ["--a11y", "never"])).code).toBe(0);
    const before = live(site.root);
    site.writeReviews('[ { "id": ');
    const failed = await site.runOn("2026-11-25", "nightly", ["--a11y", "never"]);
    expect(failed.stderr).toContain("Nothing on the live site was due to be removed tonight, so the live site is unchanged.");
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("_data/reviews.json, line 1, column");
    expect(live(site.root)).toEqual(before);
  });

  it("builds byte-identical sites from the same data and date", async () => {
    const site = fixtureProject({ reviews, files });
    expect((await site.run("build", ["--out", "one"], { BUILD_DATE: "2026-11-26" })).code).toBe(0);
    expect((await site.run("build", ["--out", "two"], { BUILD_DATE: "2026-11-26" })).code).toBe(0);
    const one = snapshot(path.join(site.root, "one"));
    expect(Object.keys(one).length).toBeGreaterThan(5);
    expect(snapshot(path.join(site.root, "two"))).toEqual(one);
  });
});

describe("the nightly's accessibility check", () => {
  it("checks one page of every kind and every page changed since the live build, and says so", async () => {
    const site = fixtureProject({ reviews, files });
    expect((await site.runOn("2026-11-24", "nightly", ["--a11y", "never"])).code).toBe(0);
    const added = {
      id: "cspr-new",
      title: "Child New",
      type: "CSPR",
      area: "northshire",
      status: "published",
      published: "2026-11-20",
      themes: ["rare theme"],
    };
    site.writeReviews([...reviews, added]);
    const night = await site.runOn("2026-11-25", "nightly", ["--a11y", "always"]);
    expect(night.code, night.stderr + night.stdout).toBe(0);
    const report = JSON.parse(readFileSync(path.join(site.root, "_site.report.json"), "utf8"));
    const a11y = report.accessibility;
    expect(a11y.scope).toBe("changed");
    expect(a11y.checked).toBeLessThan(a11y.of);
    expect(a11y.changed).toEqual(expect.arrayContaining(["/", "/reviews/cspr-new/", "/reviews/theme/rare-theme/"]));
    // A page that did not change, bar the date in its footer, is not re-checked. (The statement did change: tonight's says which check it passed.)
    expect(a11y.changed).not.toContain("/search/");
    expect(a11y.changed).toContain("/accessibility/");
    expect(Object.keys(a11y.byKind)).toEqual(
      expect.arrayContaining(["/", "review page", "filter page (type)", "filter page (theme)", "/accessibility/", "/404.html"]),
    );
    // Said once: one line, with pa11y-ci's own count of addresses (each page at two widths) in it.
    const n = a11y.checked * 2;
    const line = `Accessibility check passed: ${a11y.checked} of ${a11y.of} pages (✔ ${n}/${n} URLs passed: each page at phone and desktop width), one of each kind of page and every page new or changed since the live build`;
    expect(night.stdout).toContain(line);
    expect(night.stdout.split("URLs passed").length - 1).toBe(1);
  });
});
