/**
 * Documents uploaded from the editor into `reviews/uploads/`, through the real build: published at
 * /reviews/<id>/<name> for a listed review only, read for search, checked by the nightly's audit,
 * refused for a withheld review as any file is; an upload no review names is a warning.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkBuiltSite } from "../../src/checks/site-check.ts";
import { indexedFragments } from "../../src/eleventy/search-index.ts";
import { catalogueOf } from "../helpers/catalogue.ts";
import { fixturePdf } from "../helpers/documents.ts";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { makePdf } from "../helpers/pdfs.ts";

const BUILD_DATE = "2026-11-26";
const ODD = "Learning brief – Zoë (final).pdf";
const LISTED_PHRASE = "juniper relay handover";
const REMOVED_PHRASE = "sandstone ledger review";
const brief = (file: string) => ({ kind: "learning-brief", title: "Learning brief", file });
const review = (id: string, more: Record<string, unknown>) => ({
  id,
  title: `Child ${id.slice(6)}`,
  type: "CSPR",
  area: "northshire",
  status: "published",
  published: "2026-03-01",
  themes: ["neglect"],
  ...more,
});
const reviews = [
  review("child-amber", { documents: [brief(ODD), { kind: "briefing", title: "Shared briefing", file: "shared-briefing.pdf" }] }),
  review("child-birch", { documents: [{ kind: "briefing", title: "Shared briefing", file: "shared-briefing.pdf" }] }),
  // An SCR whose 12 months ended on 2026-06-01: its uploaded report must not be published, nor its text searchable.
  review("child-hazel", { type: "SCR", published: "2025-06-01", documents: [brief("hazel brief.pdf")] }),
];

describe("documents uploaded into reviews/uploads/, built", () => {
  let site: FixtureProject;
  let said: string;
  const files = {
    [`uploads/${ODD}`]: fixturePdf("Child Amber: Learning brief", [`The panel agreed the ${LISTED_PHRASE} with every agency.`]),
    "uploads/shared-briefing.pdf": fixturePdf("Shared briefing"),
    "uploads/hazel brief.pdf": fixturePdf("Child Hazel: Learning brief", [`The panel agreed the ${REMOVED_PHRASE} with every agency.`]),
    "uploads/forgotten.pdf": fixturePdf("Forgotten"),
  };
  beforeAll(async () => {
    site = fixtureProject({ reviews, files });
    const build = await site.run("build", [], { BUILD_DATE });
    expect(build.code, build.stderr).toBe(0);
    said = build.stderr + build.stdout;
  });

  it("publishes an upload at the review's own address, its odd name encoded in the link, and a shared upload under each review", () => {
    const out = path.join(site.root, "_site", "reviews");
    expect(readFileSync(path.join(out, "child-amber", ODD))).toEqual(Buffer.from(files[`uploads/${ODD}`]!));
    expect(site.read("reviews/child-amber/index.html")).toContain(`href="/reviews/child-amber/${encodeURIComponent(ODD)}"`);
    for (const id of ["child-amber", "child-birch"])
      expect(readFileSync(path.join(out, id, "shared-briefing.pdf"))).toEqual(Buffer.from(files["uploads/shared-briefing.pdf"]));
  });

  it("publishes nothing of an expired SCR's upload, nor the uploads folder, nor an upload no review names", () => {
    expect(site.files(path.join(site.root, "_site", "reviews", "child-hazel"))).toEqual(["index.html"]);
    expect(site.files().filter((file) => file.includes("uploads") || file.includes("forgotten"))).toEqual([]);
    expect(said).toContain(
      "reviews/uploads/forgotten.pdf: no review's document names this uploaded file, so it is not published. Choose it in a review's document (its File field), or delete it.",
    );
  });

  it("indexes the text inside a listed review's upload, never an expired SCR's", () => {
    const fragments = indexedFragments(path.join(site.root, "_site"));
    expect(fragments.find((f) => f.content.includes(LISTED_PHRASE))?.url).toBe("/reviews/child-amber/");
    expect(fragments.some((f) => f.content.includes(REMOVED_PHRASE) || f.content.includes("sandstone"))).toBe(false);
  });

  it("passes the nightly's check of the build", async () => {
    expect(checkBuiltSite(path.join(site.root, "_site"), await catalogueOf(site.root, BUILD_DATE))).toEqual([]);
  });

  it("publishes an SCR's upload up to the day before it leaves, and not on that day", async () => {
    writeFileSync(path.join(site.root, "reviews", "uploads", "gale brief.pdf"), fixturePdf("Family Gale: Learning brief"));
    // Published 2025-11-27: with 12 months, it leaves on 2026-11-27.
    site.writeReviews([...reviews, review("family-gale", { type: "SCR", published: "2025-11-27", documents: [brief("gale brief.pdf")] })]);
    const before = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(before.code, before.stderr).toBe(0);
    expect(site.files(path.join(site.root, "_site", "reviews", "family-gale"))).toContain("gale brief.pdf");
    const on = await site.run("build", [], { BUILD_DATE: "2026-11-27" });
    expect(on.code, on.stderr).toBe(0);
    expect(site.files(path.join(site.root, "_site", "reviews", "family-gale"))).toEqual(["index.html"]);
    expect(site.read("reviews/family-gale/index.html")).not.toMatch(/gale(%20| )brief/);
  });

  it("refuses a withheld review's uploaded PDF whose own title names the overview report, naming the uploaded file", async () => {
    const pdf = await makePdf({ tagged: true, title: "Family Q: Overview Report", language: "en-GB", lines: ["A briefing"] });
    writeFileSync(path.join(site.root, "reviews", "uploads", "brief-q.pdf"), pdf);
    site.writeReviews([review("family-q", { status: "withheld", documents: [brief("brief-q.pdf")] })]);
    const validate = await site.run("validate", [], { BUILD_DATE });
    expect(validate.code).not.toBe(0);
    expect(validate.stderr + validate.stdout).toMatch(
      /reviews\/uploads\/brief-q\.pdf, review "family-q", field "documents\[1\]\.file": a withheld review must not have an overview report/,
    );
  });

  it("refuses an upload whose name the review's own folder also has, saying which two files and what to do", async () => {
    mkdirSync(path.join(site.root, "reviews", "child-birch"));
    writeFileSync(path.join(site.root, "reviews", "child-birch", "shared-briefing.pdf"), fixturePdf("Another briefing"));
    site.writeReviews(reviews);
    const validate = await site.run("validate", [], { BUILD_DATE });
    rmSync(path.join(site.root, "reviews", "child-birch"), { recursive: true });
    expect(validate.code).not.toBe(0);
    expect(validate.stderr + validate.stdout).toContain(
      'review "child-birch", field "documents[1].file": both reviews/child-birch/shared-briefing.pdf and reviews/uploads/shared-briefing.pdf exist, so it is not clear which one to publish.',
    );
  });
});
