import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { fixturePdf } from "../helpers/documents.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { indexedUrls } from "../../src/eleventy/search-index.ts";
import { publishSite } from "../../src/release/publish-site.ts";
import { runNightly } from "../../src/release/nightly.ts";
import { rollbackSite } from "../../src/release/rollback.ts";

/**
 * A date after today never reaches the live site: the nightly refuses it, the
 * build asks for a flag, and a live build left dated in the future (by an older
 * version, or a mistake) neither blocks tonight's build nor a rollback. Every
 * refusal's advice is followed here, and is accepted.
 *
 * The clock is injected (`now`, `today`) where a test needs one; where a script
 * runs with the real clock, the future date is 2090, after any day these tests run.
 */
const FUTURE = "2090-06-01";
const PDF = fixturePdf("Fixture document");
const reviews = [
  {
    id: "stays",
    title: "Child Stays",
    type: "CSPR",
    area: "northshire",
    status: "published",
    published: "2024-04-01",
    summary: "About neglect.",
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
  },
  {
    id: "leaves",
    title: "Child Leaves",
    type: "SCR",
    area: "southvale",
    status: "published",
    published: "2025-11-26",
    summary: "Zebracrossing learning.",
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
  },
  {
    id: "soon",
    title: "Child Soon",
    type: "CSPR",
    area: "northshire",
    status: "published",
    published: "2090-01-01",
    summary: "Quokkaword: not public until 2090.",
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
  },
];
const files = { "stays/overview-report.pdf": PDF, "leaves/overview-report.pdf": PDF, "soon/overview-report.pdf": PDF };
const at = (date: string) => () => new Date(`${date}T12:00:00Z`);

/** Nothing of the scheduled review "soon" is served by the live output: no page, document, feed entry, open data or search record. */
function soonIsNotServed(site: FixtureProject): void {
  expect(site.exists("reviews/soon/index.html")).toBe(false);
  expect(site.exists("reviews/soon/overview-report.pdf")).toBe(false);
  expect(JSON.parse(site.read("reviews.json")).reviews.map((r: { id: string }) => r.id)).not.toContain("soon");
  expect(site.read("reviews.csv")).not.toContain("soon");
  expect(site.read("feed.xml")).not.toContain("/reviews/soon/");
  expect(site.read("index.html")).not.toContain("Quokkaword");
  expect(indexedUrls(path.join(site.root, "_site"))).not.toContain("/reviews/soon/");
}

function leavesIsGone(site: FixtureProject): void {
  expect(site.exists("reviews/leaves/overview-report.pdf")).toBe(false);
  expect(JSON.parse(site.read("reviews.json")).reviews.map((r: { id: string }) => r.id)).not.toContain("leaves");
}

async function liveOn(site: FixtureProject, date: string): Promise<void> {
  const night = await site.runOn(date, "nightly", ["--a11y", "never"]);
  expect(night.code, night.stderr).toBe(0);
}

/** A live build dated in the future, as an older version's nightly (or a mistake) could leave it. */
async function futureLive(site: FixtureProject): Promise<void> {
  await publishSite({ root: site.root, out: path.join(site.root, "_site"), buildDate: FUTURE, allowFutureDate: true });
  expect(site.exists("reviews/soon/index.html")).toBe(true);
}

/** The command a message advises, `BUILD_DATE=… npm run build -- …`, as the build script's environment and arguments. */
function advisedBuild(text: string): { env: Record<string, string>; args: string[] } {
  const found = text.match(/BUILD_DATE=(\S+) npm run build -- (.+?)(?:\.(?:\s|$)|$)/m);
  expect(found, text).not.toBeNull();
  return { env: { BUILD_DATE: found![1]! }, args: found![2]!.split(" ") };
}

describe("a build date after today", () => {
  it("the nightly refuses it: nothing scheduled is published, what has expired by the clock is still withdrawn, and the advised preview builds elsewhere", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    const night = await runNightly({
      root: site.root,
      out: path.join(site.root, "_site"),
      a11y: "never",
      log: () => {},
      now: at("2026-11-26"),
      env: { BUILD_DATE: FUTURE },
    });
    expect(night.published).toBe(false);
    expect(night.failure).toContain(`BUILD_DATE is ${FUTURE}, after today (2026-11-26)`);
    soonIsNotServed(site);
    // The withdrawal ran at the clock's date, not at BUILD_DATE's.
    expect(night.withdrawal).toMatchObject({ outcome: "fallback", withdrawn: [{ id: "leaves" }] });
    expect(JSON.parse(site.read("reviews.json")).buildDate).toBe("2026-11-26");
    leavesIsGone(site);
    const live = snapshot(path.join(site.root, "_site"));
    const advice = advisedBuild(night.failure!);
    expect(advice.args).not.toContain("_site");
    const preview = await site.run("build", advice.args, advice.env);
    expect(preview.code, preview.stderr).toBe(0);
    expect(existsSync(path.join(site.root, "_preview", "reviews", "soon", "index.html"))).toBe(true);
    expect(snapshot(path.join(site.root, "_site"))).toEqual(live);
    // "Unset BUILD_DATE for the nightly job": the next night, so run, publishes at today's date.
    expect(night.failure).toContain("Unset BUILD_DATE for the nightly job");
    const next = await runNightly({ root: site.root, out: path.join(site.root, "_site"), a11y: "never", log: () => {}, now: at("2026-11-26"), env: {} });
    expect(next.published, next.failure).toBe(true);
    soonIsNotServed(site);
  });

  it("npm run build refuses it over the live site without --future-date, says how, and both pieces of advice are accepted", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    const live = snapshot(path.join(site.root, "_site"));
    const refused = await site.run("build", [], { BUILD_DATE: FUTURE });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`This build is for ${FUTURE}, after today \\(\\d{4}-\\d{2}-\\d{2}\\)`));
    expect(refused.stderr).toContain("add --future-date");
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(path.join(site.root, "_site"))).toEqual(live);
    const advice = advisedBuild(refused.stderr);
    const preview = await site.run("build", advice.args, advice.env);
    expect(preview.code, preview.stderr).toBe(0);
    expect(snapshot(path.join(site.root, "_site"))).toEqual(live);
    const forced = await site.run("build", ["--future-date"], { BUILD_DATE: FUTURE });
    expect(forced.code, forced.stderr).toBe(0);
    expect(site.exists("reviews/soon/index.html")).toBe(true);
  });
});

describe("a live build dated after today", () => {
  it("does not block tonight's nightly, which replaces it and says so", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    await futureLive(site);
    const night = await runNightly({ root: site.root, out: path.join(site.root, "_site"), a11y: "never", log: () => {}, now: at("2026-11-26"), env: {} });
    expect(night.published, night.failure).toBe(true);
    expect((night.warnings ?? []).join("\n")).toMatch(new RegExp(`live build .* was made for ${FUTURE}, after today \\(2026-11-26\\).*replaced`, "s"));
    soonIsNotServed(site);
    leavesIsGone(site);
  });

  it("is rebuilt at today's date by a failed night, so what is not public yet leaves it even when nothing has expired", async () => {
    const site = fixtureProject({ reviews, files });
    await futureLive(site);
    site.writeReviews("[");
    const night = await runNightly({ root: site.root, out: path.join(site.root, "_site"), a11y: "never", log: () => {}, now: at("2026-11-24"), env: {} });
    expect(night.published).toBe(false);
    expect(night.withdrawal).toMatchObject({ outcome: "fallback" });
    expect(night.withdrawal?.problems.join("\n")).toContain(`The live build was made for ${FUTURE}, after today (2026-11-24)`);
    expect(JSON.parse(site.read("reviews.json")).buildDate).toBe("2026-11-24");
    soonIsNotServed(site);
    expect(site.exists("reviews/stays/overview-report.pdf")).toBe(true);
  });

  it("does not stop a rollback, and rolling forward again rebuilds the future build's data at today's date", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    await futureLive(site);
    const options = { root: site.root, out: path.join(site.root, "_site"), today: "2026-11-25", log: () => {} };
    // A BUILD_DATE after today is refused, changing nothing; following the advice (unset it: today's date) is accepted.
    const live = snapshot(path.join(site.root, "_site"));
    const refused = await site.runOn("2026-11-25", "rollback", [], { BUILD_DATE: "2026-11-26" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/BUILD_DATE is 2026-11-26, after today \(2026-11-25\).*nothing was published\. Unset BUILD_DATE for npm run rollback/);
    expect(snapshot(path.join(site.root, "_site"))).toEqual(live);
    expect(await rollbackSite(options)).toContain("now shows the previous build (made for 2026-11-25)");
    soonIsNotServed(site);
    expect(site.exists("reviews/leaves/overview-report.pdf")).toBe(true);
    // Forward again: the build made for 2090 is not brought back as it was.
    expect(await rollbackSite(options)).toContain("rebuilt for 2026-11-25");
    soonIsNotServed(site);
  });

  it("a rollback over it does not bring back an SCR whose removal date has come by the clock, which the future-dated live build left out", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    await futureLive(site);
    // Today is "leaves"'s removal date; the previous build, made yesterday, still lists it.
    const options = { root: site.root, out: path.join(site.root, "_site"), today: "2026-11-26", log: () => {} };
    expect(await rollbackSite(options)).toContain("rebuilt for 2026-11-26 without leaves (removal date 2026-11-26)");
    leavesIsGone(site);
    soonIsNotServed(site);
    expect(site.exists("reviews/stays/overview-report.pdf")).toBe(true);
  });

  it("a rollback refused for another reason gives advice that is accepted when followed", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    // Since, the report of "stays" was withheld; the live build (dated in the future) no longer publishes it.
    site.writeReviews(reviews.map((review) => (review.id === "stays" ? { ...review, status: "withheld", documents: [] } : review)));
    await futureLive(site);
    const options = { root: site.root, out: path.join(site.root, "_site"), today: "2026-11-26", log: () => {} };
    const refused = await rollbackSite(options).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(refused).toContain("the document reviews/stays/overview-report.pdf");
    expect(refused).toContain("npm run nightly");
    const night = await runNightly({ root: site.root, out: path.join(site.root, "_site"), a11y: "never", log: () => {}, now: at("2026-11-26"), env: {} });
    expect(night.published, night.failure).toBe(true);
    soonIsNotServed(site);
    expect(site.exists("reviews/stays/overview-report.pdf")).toBe(false);
  });
});

describe("a rollback while another run publishes", () => {
  it("does not swap in a build it never checked: a nightly that went live between its decision and its lock leaves the rollback refused", async () => {
    const site = fixtureProject({ reviews: reviews.filter((review) => review.id !== "leaves"), files });
    await liveOn(site, "2026-11-24");
    // Yesterday's build lists "leaves", whose removal date is today.
    site.writeReviews(reviews);
    await liveOn(site, "2026-11-25");
    const options = { root: site.root, out: path.join(site.root, "_site"), today: "2026-11-26", log: () => {} };
    const outcome = await rollbackSite({
      ...options,
      // Tonight's nightly goes live while the rollback is deciding: the build it checked is no longer the previous one.
      beforeLock: async () => {
        await publishSite({ root: site.root, out: options.out, buildDate: "2026-11-26", today: "2026-11-26" });
      },
    }).then(
      (text) => text,
      (error: Error) => error.message,
    );
    leavesIsGone(site);
    expect(outcome).toContain("Nothing was changed");
    expect(outcome).toContain("npm run rollback");
    // The advice, followed, is accepted: the previous build now is the one with "leaves", so it is rebuilt without it.
    expect(await rollbackSite(options)).toContain("rebuilt for 2026-11-26");
    leavesIsGone(site);
  });
});

/** Change one review in a build's kept input (`input/build-input.json`), as a schema change in an upgrade would leave it. */
function spoilKeptInput(link: string): void {
  const file = path.join(path.dirname(realpathSync(link)), "input", "build-input.json");
  const input = JSON.parse(readFileSync(file, "utf8"));
  input.reviews = input.reviews.map((review: { id: string }) => (review.id === "stays" ? { ...review, status: "archived" } : review));
  writeFileSync(file, JSON.stringify(input));
}

describe("a kept input that tonight's code does not accept", () => {
  it("a failed night's fallback refuses it (the kept code checks it): the last step deletes the expired review, and the report says why", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    spoilKeptInput(path.join(site.root, "_site"));
    site.writeReviews("[");
    const night = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"]);
    expect(night.code).toBe(1);
    expect(night.stderr).toContain("LAST STEP");
    expect(night.stderr).toMatch(/the data kept with the build being rebuilt .*\.json.* is not valid for this version of the site's code/);
    expect(night.stderr).toMatch(/review "stays", field "status": expected one of "published", "withheld" or "delayed"/);
    expect(site.exists("reviews/leaves")).toBe(false);
    expect(site.exists("reviews.json")).toBe(false);
    expect(site.exists("reviews/stays/overview-report.pdf")).toBe(true);
  });

  it("a rollback that would rebuild from it is refused, changes nothing, and says what to do", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    await liveOn(site, "2026-11-26");
    spoilKeptInput(path.join(site.root, "_site.previous"));
    const live = snapshot(path.join(site.root, "_site"));
    const back = await site.runOn("2026-11-26", "rollback");
    expect(back.code).toBe(1);
    expect(back.stderr).toMatch(/the data kept with the previous build .* is not valid for this version of the site's code/);
    expect(back.stderr).toContain('field "status"');
    expect(back.stderr).toContain("Nothing was changed");
    expect(back.stderr).toContain("npm run nightly");
    expect(snapshot(path.join(site.root, "_site"))).toEqual(live);
    // The advice, followed, is accepted.
    await liveOn(site, "2026-11-26");
  });
});
