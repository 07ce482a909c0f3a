import { cpSync, existsSync, readFileSync, realpathSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { fixturePdf } from "../helpers/documents.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { PROJECT_ROOT } from "../helpers/site.ts";
import { temporaryFolder } from "../helpers/temporary.ts";
import { runNightly } from "../../src/release/nightly.ts";

/**
 * The nightly publishes the live site, so it runs for today only: a BUILD_DATE
 * before today would keep online every SCR whose removal date came since. It is
 * refused as a later one is, what has expired by the clock is withdrawn anyway,
 * and the advised way to see a past day (a preview elsewhere) works.
 */
const PDF = fixturePdf("Fixture document");
const overview = [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }];
const reviews = [
  { id: "stays", title: "Child Stays", type: "CSPR", area: "northshire", status: "published", published: "2024-04-01", summary: "S.", documents: overview },
  // An SCR kept 12 months: its removal date is 2026-11-26.
  {
    id: "leaves",
    title: "Child Leaves",
    type: "SCR",
    area: "southvale",
    status: "published",
    published: "2025-11-26",
    summary: "Zebracrossing.",
    documents: overview,
  },
];
const files = { "stays/overview-report.pdf": PDF, "leaves/overview-report.pdf": PDF };
const at = (date: string) => () => new Date(`${date}T12:00:00Z`);

function nightlyOn(site: FixtureProject, today: string, env: Record<string, string> = {}) {
  return runNightly({ root: site.root, out: path.join(site.root, "_site"), a11y: "never", log: () => {}, now: at(today), env });
}

function listed(site: FixtureProject, out = "_site"): string[] {
  return JSON.parse(readFileSync(path.join(site.root, out, "reviews.json"), "utf8")).reviews.map((r: { id: string }) => r.id);
}

describe("a nightly with a BUILD_DATE before today", () => {
  it("is refused, and the SCR whose removal date came between BUILD_DATE and today is withdrawn by the clock", async () => {
    const site = fixtureProject({ reviews, files });
    expect((await nightlyOn(site, "2026-11-25")).published).toBe(true);
    expect(listed(site)).toContain("leaves");
    const night = await nightlyOn(site, "2026-11-26", { BUILD_DATE: "2026-11-25" });
    expect(night.published).toBe(false);
    expect(night.failure).toContain("BUILD_DATE is 2026-11-25, before today (2026-11-26)");
    expect(night.failure).toContain("Unset BUILD_DATE for the nightly job");
    expect(night.withdrawal).toMatchObject({ withdrawn: [{ id: "leaves", removalDate: "2026-11-26" }] });
    expect(listed(site)).not.toContain("leaves");
    expect(site.exists("reviews/leaves/overview-report.pdf")).toBe(false);
    expect(listed(site)).toContain("stays");
  });

  it("advises a preview for a past day that builds elsewhere and leaves the live site as it was", async () => {
    const site = fixtureProject({ reviews, files });
    await nightlyOn(site, "2026-11-26");
    const night = await nightlyOn(site, "2026-11-26", { BUILD_DATE: "2026-11-25" });
    const found = night.failure?.match(/BUILD_DATE=(\S+) npm run build -- (.+?)(?:\.(?:\s|$)|$)/m);
    expect(found, night.failure).not.toBeNull();
    const live = snapshot(path.join(site.root, "_site"));
    const preview = await site.run("build", found![2]!.split(" "), { BUILD_DATE: found![1]! });
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain("PREVIEW: this is the site as it was on 2026-11-25, not today (");
    expect(snapshot(path.join(site.root, "_site"))).toEqual(live);
    const out = found![2]!.split(" ")[1]!;
    expect(out).not.toBe("_site");
    expect(listed(site, out)).toContain("leaves");
    expect(existsSync(path.join(site.root, out, "reviews", "leaves", "overview-report.pdf"))).toBe(true);
  });

  it("npm run nightly exits non-zero, publishing nothing; at today's BUILD_DATE (or none) it publishes", async () => {
    const site = fixtureProject({ reviews, files });
    const refused = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"], { BUILD_DATE: "2026-11-25" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("BUILD_DATE is 2026-11-25, before today (2026-11-26)");
    expect(site.exists("index.html")).toBe(false);
    const today = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"], { BUILD_DATE: "2026-11-26" });
    expect(today.code, today.stderr).toBe(0);
    expect(listed(site)).toEqual(["stays"]);
  });
});

describe("every other path that publishes the live site, with a BUILD_DATE before today", () => {
  /** Live: the nightlies of the 24th and 25th, both listing "leaves", whose removal date is the 26th. */
  async function liveUntilThe25th(): Promise<FixtureProject> {
    const site = fixtureProject({ reviews, files });
    for (const day of ["2026-11-24", "2026-11-25"]) expect((await nightlyOn(site, day)).published).toBe(true);
    return site;
  }

  it("npm run rollback refuses it, changing nothing, instead of bringing back a build that lists an SCR due to leave today", async () => {
    const site = await liveUntilThe25th();
    const live = snapshot(path.join(site.root, "_site"));
    const rollback = await site.runOn("2026-11-26", "rollback", [], { BUILD_DATE: "2026-11-25" });
    expect(rollback.code).toBe(1);
    expect(rollback.stderr).toContain("BUILD_DATE is 2026-11-25, before today (2026-11-26)");
    expect(snapshot(path.join(site.root, "_site"))).toEqual(live);
  });

  it("npm run fallback refuses it, changing nothing", async () => {
    const site = await liveUntilThe25th();
    const live = snapshot(path.join(site.root, "_site"));
    // A copy of the project as its code and data, as the checkout of the commit last deployed is on GitHub Pages.
    const code = temporaryFolder("lr-code-");
    cpSync(site.root, code, { recursive: true, dereference: true, filter: (from) => !/^(node_modules|_site.*)$/.test(path.basename(from)) });
    symlinkSync(realpathSync(path.join(PROJECT_ROOT, "node_modules")), path.join(code, "node_modules"));
    const fallback = await site.runOn("2026-11-26", "fallback", ["--code", code], { BUILD_DATE: "2026-11-25" });
    expect(fallback.code).toBe(1);
    expect(fallback.stderr).toContain("BUILD_DATE is 2026-11-25, before today (2026-11-26)");
    expect(snapshot(path.join(site.root, "_site"))).toEqual(live);
  });

  it("npm run build has no flag that publishes it over a live build made for a later date", async () => {
    const site = await liveUntilThe25th();
    const live = snapshot(path.join(site.root, "_site"));
    const forced = await site.runOn("2026-11-26", "build", ["--allow-earlier-date"], { BUILD_DATE: "2026-11-24" });
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain("--allow-earlier-date");
    expect(snapshot(path.join(site.root, "_site"))).toEqual(live);
  });
});
