import {
  chmodSync,
  existsSync,
  mkdtempSync,
  renameSync,
  symlinkSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { tmpdir } from "node:os";
import { execFile } from "node:child_process";
import { XMLParser } from "fast-xml-parser";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { fixtureSite } from "../helpers/site.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { indexedUrls } from "../../src/eleventy/search-index.ts";
import { STEPS } from "../../src/build/fault.ts";
import { swapWithPrevious } from "../../src/release/publish.ts";
import { outputLayout } from "../../src/model/output-layout.ts";
import { fixturePdf } from "../helpers/documents.ts";
import { clockAt, noonOn } from "../helpers/clock-at.ts";

/**
 * The promise to the public, in operation: an SCR whose removal date has come
 * is never served again, whatever fails, and no operation breaks the live site.
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
    themes: ["neglect"],
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
    themes: ["neglect"],
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
  },
  { id: "later", title: "Child Later", type: "SCR", area: "northshire", status: "published", published: "2026-06-01" },
];
const files = { "stays/overview-report.pdf": PDF, "leaves/overview-report.pdf": PDF };

/** True when nothing of the SCR "leaves" is served by the live output but its removal notice. */
function leavesIsGone(site: FixtureProject): void {
  expect(site.exists("reviews/leaves/overview-report.pdf")).toBe(false);
  expect(site.read("reviews/leaves/index.html")).toContain('<meta name="robots" content="noindex">');
  expect(site.read("reviews/leaves/index.html")).toContain("this review has been removed");
  expect(site.read("reviews/leaves/index.html")).not.toContain("Zebracrossing");
  expect(JSON.parse(site.read("reviews.json")).reviews.map((r: { id: string }) => r.id)).not.toContain("leaves");
  expect((parseCsv(site.read("reviews.csv"), { columns: true }) as { id: string }[]).map((r) => r.id)).not.toContain("leaves");
  expect(site.read("feed.xml")).not.toContain("/reviews/leaves/");
  expect(site.read("sitemap.xml")).not.toContain("/reviews/leaves/");
  expect(indexedUrls(path.join(site.root, "_site"))).not.toContain("/reviews/leaves/");
  expect(JSON.parse(site.read("reviews.json")).reviews.map((r: { id: string }) => r.id)).toContain("stays");
  expect(site.exists("reviews/stays/overview-report.pdf")).toBe(true);
}

function report(site: FixtureProject) {
  return JSON.parse(readFileSync(path.join(site.root, "_site.report.json"), "utf8"));
}

async function liveOn(site: FixtureProject, date: string): Promise<void> {
  const first = await site.runOn(date, "nightly", ["--a11y", "never"]);
  expect(first.code, first.stderr).toBe(0);
}

describe("a failed night still withdraws what has expired", () => {
  it("rebuilds the live build with its own code and data at today's date when tonight's data is broken, and exits non-zero", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    expect(site.exists("reviews/leaves/overview-report.pdf")).toBe(true);
    site.writeReviews('[ { "id": ');
    const night = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"]);
    expect(night.code).toBe(1);
    expect(night.stderr).toContain("Nightly build for 26 November 2026: NOT published.");
    expect(night.stderr).toContain("_data/reviews.json, line 1, column");
    expect(night.stderr).toMatch(/FALLBACK RAN: .*:\n {2}- leaves \(Child Leaves\): removal date 2026-11-26/);
    leavesIsGone(site);
    expect(report(site)).toMatchObject({ published: false, withdrawal: { outcome: "fallback", withdrawn: [{ id: "leaves", removalDate: "2026-11-26" }] } });
  });

  it("leaves the site's own removal notice when tonight's code is broken (a template bug), and later nights build over the fallback's build", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    // Tonight's code is broken; the code kept with the live build is not.
    writeFileSync(path.join(site.root, "pages", "broken.njk"), "---\npermalink: /broken/\n---\n{{ 1 | noSuchFilter }}");
    const night = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"]);
    expect(night.code).toBe(1);
    expect(night.stderr).toContain("FALLBACK RAN");
    leavesIsGone(site);
    // The notice is the page the kept code makes for a removed review, at the date it was rebuilt at.
    expect(site.read("reviews/leaves/index.html")).toContain('It was removed from this site on <time datetime="2026-11-26">26 November 2026</time>');
    expect(report(site)).toMatchObject({ published: false, withdrawal: { outcome: "fallback", withdrawn: [{ id: "leaves" }] } });
    // Another failed night (bad data) finds nothing due in the fallback's build: the review keeps its notice.
    rmSync(path.join(site.root, "pages", "broken.njk"));
    const goodData = readFileSync(path.join(site.root, "_data", "reviews.json"), "utf8");
    site.writeReviews("[");
    const second = await site.runOn("2026-11-27", "nightly", ["--a11y", "never"]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("Nothing on the live site was due to be removed tonight");
    leavesIsGone(site);
    // The next good night builds normally over it.
    site.writeReviews(goodData);
    await liveOn(site, "2026-11-28");
    leavesIsGone(site);
  });

  it("runs the fallback under a strict umask and leaves every file readable by a web server running as another user", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    writeFileSync(path.join(site.root, "pages", "broken.njk"), "---\npermalink: /broken/\n---\n{{ 1 | noSuchFilter }}");
    const night = await new Promise<{ stderr: string }>((resolve) =>
      execFile(
        "sh",
        ["-c", `umask 077 && exec "${process.execPath}" --import tsx --import "${clockAt(noonOn("2026-11-26"))}" scripts/nightly.ts --a11y never`],
        { cwd: site.root, env: process.env },
        (_error, _o, stderr) => resolve({ stderr }),
      ),
    );
    expect(night.stderr).toContain("FALLBACK RAN");
    leavesIsGone(site);
    const live = realpathSync(path.join(site.root, "_site"));
    const modes = site.files().map((file) => `${file} ${(statSync(path.join(live, file)).mode & 0o777).toString(8)}`);
    expect(modes.filter((line) => !line.endsWith(" 644"))).toEqual([]);
    expect((statSync(path.join(live, "pagefind")).mode & 0o777).toString(8)).toBe("755");
  });

  it("withdraws after a failure at any step of the build", async () => {
    for (const step of ["eleventy", "index", "check", "publish"]) {
      const site = fixtureProject({ reviews, files });
      await liveOn(site, "2026-11-25");
      const night = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"], { LEARNING_REVIEWS_FAULT: `${step}:ENOSPC` });
      expect(night.code, step).toBe(1);
      expect(night.stderr, step).toContain("ENOSPC");
      leavesIsGone(site);
      expect(report(site).withdrawal.outcome, step).toBe("fallback");
    }
  }, 400_000);

  it("leaves the live site alone when nothing in it is due, and says so", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-24");
    const before = snapshot(path.join(site.root, "_site"));
    const night = await site.runOn("2026-11-25", "nightly", ["--a11y", "never"], { LEARNING_REVIEWS_FAULT: "eleventy" });
    expect(night.code).toBe(1);
    expect(night.stderr).toContain("NOT published; the live site is unchanged");
    expect(snapshot(path.join(site.root, "_site"))).toEqual(before);
  });

  it("writes a failure report whatever fails, and never leaves yesterday's report standing", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-24");
    expect(report(site).published).toBe(true);
    const full = await site.runOn("2026-11-25", "nightly", ["--a11y", "never"], { LEARNING_REVIEWS_FAULT: "index:ENOSPC" });
    expect(full.code).toBe(1);
    expect(full.stderr).toContain("NOT published");
    expect(report(site)).toMatchObject({ published: false, failure: expect.stringContaining("ENOSPC") });
    // When the report itself cannot be written, yesterday's is gone and the output says so.
    const noReport = await site.runOn("2026-11-25", "nightly", ["--a11y", "never"], { LEARNING_REVIEWS_FAULT: "report:ENOSPC" });
    expect(noReport.code).toBe(1);
    expect(noReport.stderr).toContain("REPORT NOT WRITTEN");
    expect(existsSync(path.join(site.root, "_site.report.json"))).toBe(false);
  });
});

describe("rollback re-applies today's rule", () => {
  it("never brings back an SCR that has expired: it rebuilds the previous build's data at today's date", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    await liveOn(site, "2026-11-26");
    leavesIsGone(site);
    const back = await site.runOn("2026-11-26", "rollback");
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain("rebuilding its data at 2026-11-26");
    leavesIsGone(site);
  });

  it("swaps back to the previous build when nothing in it has expired, and forward again", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-20");
    const first = snapshot(path.join(site.root, "_site"));
    site.writeReviews(reviews.map((review) => (review.id === "stays" ? { ...review, title: "Child Stays, corrected" } : review)));
    await liveOn(site, "2026-11-21");
    const second = snapshot(path.join(site.root, "_site"));
    expect((await site.runOn("2026-11-21", "rollback")).code).toBe(0);
    expect(snapshot(path.join(site.root, "_site"))).toEqual(first);
    expect((await site.runOn("2026-11-21", "rollback")).code).toBe(0);
    expect(snapshot(path.join(site.root, "_site"))).toEqual(second);
  });

  it("refuses when the previous build is missing, and changes nothing", async () => {
    const site = fixtureProject({ reviews, files });
    const none = await site.runOn("2026-11-21", "rollback");
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("There is no previous build to roll back to");
    await liveOn(site, "2026-11-20");
    await liveOn(site, "2026-11-21");
    const live = readlinkSync(path.join(site.root, "_site"));
    rmSync(realpathSync(path.join(site.root, "_site.previous")), { recursive: true });
    const gone = await site.runOn("2026-11-21", "rollback");
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/previous build .* is missing or incomplete/);
    expect(readlinkSync(path.join(site.root, "_site"))).toBe(live);
    expect(site.exists("index.html")).toBe(true);
  });
});

describe("dates", () => {
  it("refuses to publish over a live build made for a later date, with no flag to force it", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-26");
    const live = snapshot(path.join(site.root, "_site"));
    const earlier = await site.run("build", [], { BUILD_DATE: "2026-11-25" });
    expect(earlier.code).toBe(1);
    expect(earlier.stderr).toMatch(/This build is for 2026-11-25, earlier than the live site's build \(2026-11-26\).*--out _preview/s);
    expect(snapshot(path.join(site.root, "_site"))).toEqual(live);
    // The nightly never builds for a date other than today's: a BUILD_DATE before it is refused.
    const nightly = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"], { BUILD_DATE: "2026-11-25" });
    expect(nightly.code).toBe(1);
    expect(nightly.stderr).toContain("BUILD_DATE is 2026-11-25, before today (2026-11-26)");
    expect(snapshot(path.join(site.root, "_site"))).toEqual(live);
    // A preview goes elsewhere.
    expect((await site.run("build", ["--out", "_preview"], { BUILD_DATE: "2026-11-25" })).code).toBe(0);
    expect(existsSync(path.join(site.root, "_preview", "reviews", "leaves", "overview-report.pdf"))).toBe(true);
    const forced = await site.run("build", ["--allow-earlier-date"], { BUILD_DATE: "2026-11-25" });
    expect(forced.code).toBe(1);
    expect(snapshot(path.join(site.root, "_site"))).toEqual(live);
  });

  it("resolves the build date once: a nightly whose clock crosses midnight renders, checks and reports one day", async () => {
    const site = fixtureProject({ reviews, files });
    const { runNightly } = await import("../../src/release/nightly.ts");
    // The first reading is one second before midnight in London; every later one is after it.
    let readings = 0;
    const now = () => new Date(readings++ === 0 ? "2026-11-25T23:59:59Z" : "2026-11-26T00:00:01Z");
    const result = await runNightly({ root: site.root, out: path.join(site.root, "_site"), a11y: "never", log: () => {}, now, env: {} });
    expect(result.published, result.failure).toBe(true);
    expect(result.buildDate).toBe("2026-11-25");
    expect(JSON.parse(site.read("reviews.json")).buildDate).toBe("2026-11-25");
    // On the 25th the SCR is still listed, with its document, and the report lists it as due tomorrow.
    expect(site.exists("reviews/leaves/overview-report.pdf")).toBe(true);
    expect(result.dueForRemoval).toEqual([{ id: "leaves", title: "Child Leaves", removalDate: "2026-11-26", daysLeft: 1 }]);
    expect(readings).toBe(1);
  });
});

describe("where a build may be published", () => {
  it("refuses the project, its parents, an empty name and a folder it did not make, moving nothing", async () => {
    const site = fixtureProject({ reviews, files });
    const stranger = path.join(site.root, "stranger");
    mkdirSync(stranger);
    writeFileSync(path.join(stranger, "index.html"), "not ours");
    for (const [out, words] of [
      [".", "the project folder itself"],
      ["..", "a folder that holds the project"],
      ["", "--out is empty"],
      ["stranger", "did not make"],
      ["missing/deeper/_site", "does not exist"],
    ] as const) {
      const result = await site.run("build", ["--out", out], { BUILD_DATE: "2026-11-26" });
      expect(result.code, out).toBe(1);
      expect(result.stderr, out).toContain(words);
      expect(result.stderr, out).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(path.join(stranger, "index.html"), "utf8")).toBe("not ours");
    expect(existsSync(path.join(site.root, "package.json"))).toBe(true);
    expect(existsSync(path.join(site.root, "stranger.builds"))).toBe(false);
  });
});

describe("after the swap, nothing removes the live build", () => {
  it("keeps the new build live and says so when a step after the swap fails", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    const result = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"], { LEARNING_REVIEWS_FAULT: "published" });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Warning: After the new build went live");
    leavesIsGone(site);
    expect(report(site).published).toBe(true);
  });

  it("killed at every step, leaves a whole site live: the old one or the new one", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    const old = snapshot(path.join(site.root, "_site"));
    const reference = fixtureProject({ reviews, files });
    expect((await reference.run("build", [], { BUILD_DATE: "2026-11-26" })).code).toBe(0);
    const fresh = snapshot(path.join(reference.root, "_site"));
    expect(fresh).not.toEqual(old);
    for (const step of STEPS) {
      const killed = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"], { LEARNING_REVIEWS_FAULT: `${step}:kill` });
      expect(killed.code, step).not.toBe(0);
      const now = snapshot(path.join(site.root, "_site"));
      const whole = JSON.stringify(now) === JSON.stringify(old) ? "old" : JSON.stringify(now) === JSON.stringify(fresh) ? "new" : "broken";
      expect(whole, step).toBe(["published"].includes(step) ? "new" : "old");
      if (whole === "new") {
        // Put the old build back for the next step's kill: the swap a rollback makes when nothing in it has expired.
        await swapWithPrevious(outputLayout(path.join(site.root, "_site")));
        expect(snapshot(path.join(site.root, "_site"))).toEqual(old);
      }
    }
    // Killed while taking the lock, too: it leaves its draft of the lock beside the output.
    const killedLocking = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"], { LEARNING_REVIEWS_FAULT: "lock:kill" });
    expect(killedLocking.code).not.toBe(0);
    expect(snapshot(path.join(site.root, "_site"))).toEqual(old);
    // Locks, drafts and half-made builds left by the kills do not stop the next run, which clears them away.
    const after = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"]);
    expect(after.code, after.stderr).toBe(0);
    expect(snapshot(path.join(site.root, "_site"))).toEqual(fresh);
    expect(
      readdirSync(site.root)
        .filter((name) => name.startsWith("_site"))
        .sort(),
    ).toEqual(["_site", "_site.builds", "_site.previous", "_site.report.json"]);
  }, 400_000);
});

describe("the comparison with the previous build", () => {
  it("says why it could not be made, instead of reading as 'no previous build'", async () => {
    const site = fixtureProject({ reviews, files });
    writeFileSync(path.join(site.root, "bad.json"), "{ not json");
    writeFileSync(path.join(site.root, "other.json"), JSON.stringify({ hello: 1 }));
    for (const [previous, words] of [
      ["missing.json", "missing.json does not exist"],
      ["bad.json", "bad.json is not valid JSON"],
      ["other.json", 'has no "reviews" list'],
      ["http://127.0.0.1:9/reviews.json", "http://127.0.0.1:9/reviews.json could not be read"],
    ]) {
      const result = await site.runOn("2026-11-26", "nightly", ["--a11y", "never", "--previous", previous!]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout, previous).toContain(`Changes: ${words}`.slice(0, 9));
      expect(result.stdout, previous).toContain(words);
      expect(report(site).changesUnavailable, previous).toContain(words);
    }
  });
});

describe("the search index", () => {
  it("holds exactly the listed review pages, even when no review is listed", async () => {
    const site = fixtureProject({ reviews: [{ ...reviews[1], documents: [] }], files: {} });
    const result = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"]);
    expect(result.code, result.stderr).toBe(0);
    expect(indexedUrls(path.join(site.root, "_site"))).toEqual([]);
    expect(site.exists("pagefind/pagefind.js")).toBe(true);
    expect(new XMLParser().parse(site.read("feed.xml")).feed).toBeDefined();
  });

  it("is byte-identical whether built on ext4 or on tmpfs", async () => {
    if (!existsSync("/dev/shm")) return;
    // Enough pages that the file systems list them in different orders (with a few, they happen to agree).
    const many = Array.from({ length: 60 }, (_, i) => ({
      id: `cspr-${i}`,
      title: `Child ${i}`,
      type: "CSPR",
      area: i % 2 ? "northshire" : "southvale",
      status: "published",
      published: `2024-0${(i % 9) + 1}-1${i % 10}`,
      summary: `Learning number ${i} about neglect.`,
      themes: ["neglect", `theme ${i % 7}`],
    }));
    const site = fixtureProject({ reviews: [...reviews, ...many], files });
    const shm = path.join("/dev/shm", `lr-${process.pid}-${Date.now()}`);
    mkdirSync(shm);
    try {
      expect((await site.run("build", [], { BUILD_DATE: "2026-11-26" })).code).toBe(0);
      expect((await site.run("build", ["--out", path.join(shm, "_site")], { BUILD_DATE: "2026-11-26" })).code).toBe(0);
      const onDisk = snapshot(path.join(site.root, "_site"));
      expect(Object.keys(onDisk).some((file) => file.startsWith("pagefind/fragment/"))).toBe(true);
      expect(snapshot(path.join(shm, "_site"))).toEqual(onDisk);
    } finally {
      rmSync(shm, { recursive: true, force: true });
    }
  });
});

describe("permissions", () => {
  it("writes a site any web server can read, whatever the umask and the source files' modes", async () => {
    // A site that carries the editor at /admin/ (cms.withPublicSite), so that its copied page is among the files.
    const site = fixtureProject({ reviews, files, site: { ...fixtureSite(), cms: { repo: "northshire-scp/reviews", withPublicSite: true } } });
    chmodSync(path.join(site.root, "reviews", "stays", "overview-report.pdf"), 0o600);
    // Copied as they are by Eleventy, which keeps a source's mode.
    chmodSync(path.join(site.root, "pages", "assets", "site.css"), 0o600);
    chmodSync(path.join(site.root, "admin", "index.html"), 0o640);
    const result = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(
        "sh",
        ["-c", `umask 077 && exec "${process.execPath}" --import tsx --import "${clockAt(noonOn("2026-11-26"))}" scripts/nightly.ts --a11y never`],
        { cwd: site.root, env: process.env },
        (error, _o, stderr) => resolve({ code: error ? 1 : 0, stderr }),
      ),
    );
    expect(result.code, result.stderr).toBe(0);
    const live = realpathSync(path.join(site.root, "_site"));
    expect(site.files()).toContain("admin/index.html");
    for (const file of site.files()) expect((statSync(path.join(live, file)).mode & 0o777).toString(8), file).toBe("644");
    for (const folder of [live, path.dirname(live), path.join(live, "reviews"), path.join(live, "reviews", "stays")])
      expect((statSync(folder).mode & 0o777).toString(8), folder).toBe("755");
  });
});

describe("what the adversary found", () => {
  it("a summary linking into an SCR's page or document does not keep the night from publishing when the SCR leaves: the link becomes text", async () => {
    const linking = [
      { ...reviews[0], summary: "See [its report](/reviews/leaves/overview-report.pdf) and [its summary](/reviews/leaves/#summary)." },
      ...reviews.slice(1),
    ];
    const site = fixtureProject({ reviews: linking, files });
    await liveOn(site, "2026-11-25");
    expect(site.read("reviews/stays/index.html")).toContain('<a href="/reviews/leaves/overview-report.pdf">its report</a>');
    await liveOn(site, "2026-11-26");
    expect(report(site).published).toBe(true);
    expect(site.read("reviews/stays/index.html")).toContain("See its report and its summary.");
    leavesIsGone(site);
  });

  it("says loudly that it could not withdraw from a live output that is a plain folder, instead of 'no live site'", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-25");
    const live = realpathSync(path.join(site.root, "_site"));
    rmSync(path.join(site.root, "_site"));
    renameSync(live, path.join(site.root, "_site"));
    site.writeReviews("[");
    const night = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"]);
    expect(night.code).toBe(1);
    expect(night.stderr).toContain("FAILED TO WITHDRAW");
    expect(night.stderr).toContain("is a plain folder, not a link to a build of this site");
    expect(night.stderr).not.toContain("There is no live site");
  });

  it("never deletes what it did not make in the builds folder, even when that folder is a link elsewhere", async () => {
    const site = fixtureProject({ reviews, files });
    const elsewhere = mkdtempSync(path.join(tmpdir(), "lr-bigdisk-"));
    try {
      chmodSync(elsewhere, 0o700);
      mkdirSync(path.join(elsewhere, "other-project"));
      writeFileSync(path.join(elsewhere, "other-project", "precious.txt"), "keep");
      symlinkSync(elsewhere, path.join(site.root, "_site.builds"));
      // Its mode is not changed for it; the web server could not read through it, so the check refuses the build.
      const refused = await site.runOn("2026-11-24", "nightly", ["--a11y", "never"]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/The folder .*lr-bigdisk-.* cannot be read by the web server \(mode 700; expected 755\)/);
      expect((statSync(elsewhere).mode & 0o777).toString(8)).toBe("700");
      chmodSync(elsewhere, 0o755);
      await liveOn(site, "2026-11-24");
      await liveOn(site, "2026-11-25");
      await liveOn(site, "2026-11-26");
      expect(readFileSync(path.join(elsewhere, "other-project", "precious.txt"), "utf8")).toBe("keep");
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("rollback refuses to bring back a report withheld since, or a review deleted since", async () => {
    const site = fixtureProject({ reviews, files });
    await liveOn(site, "2026-11-20");
    site.writeReviews([{ ...reviews[0], status: "withheld", documents: [] }, ...reviews.slice(1)]);
    await liveOn(site, "2026-11-21");
    const withheld = await site.runOn("2026-11-22", "rollback");
    expect(withheld.code).toBe(1);
    expect(withheld.stderr).toContain("Rolling back would bring back what the live site no longer publishes: the document reviews/stays/overview-report.pdf");
    expect(site.exists("reviews/stays/overview-report.pdf")).toBe(false);
    site.writeReviews([reviews[1], reviews[2]]);
    await liveOn(site, "2026-11-22");
    const deleted = await site.runOn("2026-11-22", "rollback");
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toContain("the review stays");
  });

  it("the nightly ignores SOURCE_DATE_EPOCH, which set globally would freeze the site at one date", async () => {
    const site = fixtureProject({ reviews, files });
    const epoch = String(Date.parse("2026-11-25T12:00:00Z") / 1000);
    const night = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"], { SOURCE_DATE_EPOCH: epoch, BUILD_DATE: "" });
    expect(night.code, night.stderr).toBe(0);
    // Today (from the clock) is 26 November 2026, so the SCR whose 12 months end on the 26th is gone.
    expect(report(site).buildDate).toBe("2026-11-26");
    leavesIsGone(site);
  });
});
