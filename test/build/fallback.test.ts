import { cpSync, existsSync, lstatSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { fixturePdf } from "../helpers/documents.ts";
import { runScript } from "../helpers/run-script.ts";
import { PROJECT_ROOT } from "../helpers/site.ts";
import { temporaryFolder } from "../helpers/temporary.ts";
import { indexedUrls } from "../../src/eleventy/search-index.ts";
import { todayInLondon } from "../../src/rules/build-date.ts";

/**
 * The one fallback, run as a plain host runs it (a failed night rebuilds the live build with its own kept code
 * and data) and as the GitHub Pages workflow runs it (no live build: `npm run fallback -- --code <checkout of
 * last-deployed>`), and the last step when even the fallback fails.
 */
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
    summary: "Zebracrossing learning about neglect.",
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
  },
];
const files = { "stays/overview-report.pdf": PDF, "leaves/overview-report.pdf": PDF };
const BROKEN = "---\npermalink: /broken/\n---\n{{ 1 | noSuchFilter }}";

/** Nothing of "leaves" is served from `out` but its removal notice, and "stays" is served whole. */
function leavesIsGone(out: string): void {
  const read = (file: string) => readFileSync(path.join(out, file), "utf8");
  expect(existsSync(path.join(out, "reviews/leaves/overview-report.pdf"))).toBe(false);
  expect(read("reviews/leaves/index.html")).toContain('<meta name="robots" content="noindex">');
  expect(read("reviews/leaves/index.html")).not.toContain("Zebracrossing");
  expect(JSON.parse(read("reviews.json")).reviews.map((r: { id: string }) => r.id)).toEqual(["stays"]);
  expect((parseCsv(read("reviews.csv"), { columns: true }) as { id: string }[]).map((r) => r.id)).toEqual(["stays"]);
  expect(read("feed.xml")).not.toContain("/reviews/leaves/");
  expect(read("sitemap.xml")).not.toContain("/reviews/leaves/");
  expect(indexedUrls(out)).not.toContain("/reviews/leaves/");
  expect(indexedUrls(out)).toContain("/reviews/stays/");
  expect(existsSync(path.join(out, "reviews/stays/overview-report.pdf"))).toBe(true);
}

async function liveOn(site: FixtureProject, date: string): Promise<void> {
  const night = await site.runOn(date, "nightly", ["--a11y", "never"]);
  expect(night.code, night.stderr).toBe(0);
}

const liveBuild = (site: FixtureProject) => path.dirname(realpathSync(path.join(site.root, "_site")));
const report = (site: FixtureProject) => JSON.parse(readFileSync(path.join(site.root, "_site.report.json"), "utf8"));

describe("every build keeps the code that made it", () => {
  it("holds a copy of the project's code (not links to it), without node_modules, tests or the content", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    const code = path.join(liveBuild(site), "code");
    for (const name of ["package.json", "tsconfig.json", ".eleventy.ts", "scripts/build.ts", "src/build/build-site.ts", "pages", "_includes"])
      expect(existsSync(path.join(code, name)), name).toBe(true);
    // The fixture links src/ and scripts/ to the project: the build keeps the files themselves.
    expect(lstatSync(path.join(code, "src")).isSymbolicLink()).toBe(false);
    expect(lstatSync(path.join(code, "scripts")).isDirectory()).toBe(true);
    for (const name of ["node_modules", "test", "_data/reviews.json", "reviews"]) expect(existsSync(path.join(code, name)), name).toBe(false);
  });
});

describe("the fallback on a plain host", () => {
  it("rebuilds the live build with its own code and data at tonight's date when tonight's code is broken, and the report says so", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    writeFileSync(path.join(site.root, "pages", "broken.njk"), BROKEN);
    const night = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"]);
    expect(night.code).toBe(1);
    expect(night.stderr).toContain("noSuchFilter");
    expect(night.stderr).toMatch(
      /FALLBACK RAN: the live site was rebuilt with its own code and data .*:\n {2}- leaves \(Child Leaves\): removal date 2026-11-26/,
    );
    expect(night.stdout).toContain("uses its node_modules");
    leavesIsGone(path.join(site.root, "_site"));
    expect(JSON.parse(site.read("reviews.json")).buildDate).toBe("2026-11-26");
    expect(report(site)).toMatchObject({ published: false, withdrawal: { outcome: "fallback", withdrawn: [{ id: "leaves", removalDate: "2026-11-26" }] } });
  });
});

describe("the last step, when the fallback fails too", () => {
  it("deletes the expired review's folder, the search index and the whole files naming it, keeps the rest, exits non-zero and names it", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    // Tonight's code is broken, and so is the code kept with the live build.
    writeFileSync(path.join(site.root, "pages", "broken.njk"), BROKEN);
    writeFileSync(path.join(liveBuild(site), "code", "pages", "broken.njk"), BROKEN);
    const night = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"]);
    expect(night.code).toBe(1);
    expect(night.stderr).toContain("The fallback (the live build's own code and data, rebuilt at 2026-11-26) failed");
    expect(night.stderr).toMatch(/LAST STEP: .*\n {2}- leaves \(Child Leaves\): removal date 2026-11-26\n.*may still be named/);
    for (const gone of ["reviews/leaves", "pagefind", "reviews.json", "reviews.csv", "feed.xml", "sitemap.xml"]) expect(site.exists(gone), gone).toBe(false);
    expect(site.exists("reviews/stays/overview-report.pdf")).toBe(true);
    expect(site.exists("reviews/stays/index.html")).toBe(true);
    expect(report(site)).toMatchObject({ published: false, withdrawal: { outcome: "last-step", withdrawn: [{ id: "leaves" }] } });
    // The next good night builds normally over it.
    writeFileSync(path.join(site.root, "pages", "broken.njk"), "");
    await liveOn(site, "2026-11-27");
    leavesIsGone(path.join(site.root, "_site"));
  });
});

describe("the fallback as the GitHub Pages workflow runs it", () => {
  it("builds the last-deployed commit's own code and data at today's date, with no live build, leaving the expired SCR out", async () => {
    // A git repository of the project, as the runner checks it out: its code and data committed and tagged last-deployed.
    const fixture = fixtureProject({ reviews, files });
    const repo = temporaryFolder("lr-pages-");
    cpSync(fixture.root, repo, { recursive: true, dereference: true, filter: (from) => path.basename(from) !== "node_modules" });
    cpSync(path.join(PROJECT_ROOT, "package-lock.json"), path.join(repo, "package-lock.json"));
    writeFileSync(path.join(repo, ".gitignore"), "node_modules\n_site*\n");
    symlinkSync(realpathSync(path.join(PROJECT_ROOT, "node_modules")), path.join(repo, "node_modules"));
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: repo, encoding: "utf8" }).trim();
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "deployed");
    git("tag", "last-deployed");
    const deployed = git("rev-parse", "HEAD");
    // Tonight's commit is broken, in its code and its data.
    writeFileSync(path.join(repo, "pages", "broken.njk"), BROKEN);
    writeFileSync(path.join(repo, "_data", "reviews.json"), "[");
    git("add", "-A");
    git("commit", "-qm", "broken");
    const worktree = path.join(temporaryFolder("lr-runner-"), "last-deployed");
    git("worktree", "add", "-q", worktree, "last-deployed");
    const result = await runScript(repo, "fallback", ["--code", worktree, "--out", "_site"], { BUILD_DATE: "" });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("uses its node_modules");
    const out = path.join(repo, "_site");
    expect(JSON.parse(readFileSync(path.join(out, "reviews.json"), "utf8")).buildDate).toBe(todayInLondon());
    leavesIsGone(out);
    expect(existsSync(path.join(out, "broken", "index.html"))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(path.dirname(realpathSync(out)), "build.json"), "utf8")).commit).toBe(deployed);
  });
});
