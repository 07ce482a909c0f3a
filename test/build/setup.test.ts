/**
 * `npm run setup`, run as a new partnership would without a terminal (every answer an option): it writes the
 * settings, replaces the sample with one fictional example, rewrites the schemas, and the result passes the
 * content checks and builds. It never replaces reviews unasked, and writes nothing when an answer is wrong.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureProject } from "../helpers/fixture-project.ts";
import { contentChecks } from "../helpers/content-checks.ts";
import { fixtureReviews } from "../helpers/site.ts";

const ANSWERS = [
  "--name",
  "Northshire Safeguarding Children Partnership",
  "--short-name",
  "Northshire SCP",
  "--url",
  "https://www.northshire.example/case-reviews",
  "--areas",
  "Northshire, Southvale",
  "--team",
  "the review team",
  "--email",
  "reviews@northshire.example",
  "--phone",
  "01632 960 111",
  "--retention-months",
  "18",
];

const sample = () => fixtureProject({ reviews: fixtureReviews(), files: { "cspr-one/overview-report.md": "## A\n\nText.\n" } });
const read = (root: string, file: string) => readFileSync(path.join(root, file), "utf8");

describe("npm run setup", () => {
  it("a new partnership's site in one command: settings, one fictional example, schemas, and the content checks pass", async () => {
    const project = sample();
    const setup = await project.run("setup", [...ANSWERS, "--replace"]);
    expect(setup.code, setup.stderr).toBe(0);
    const site = JSON.parse(read(project.root, "_data/site.json"));
    expect(site.partnership.name).toBe("Northshire Safeguarding Children Partnership");
    expect(site.areas).toEqual({ northshire: "Northshire", southvale: "Southvale" });
    expect(site.retentionMonths).toBe(18);
    const reviews = JSON.parse(read(project.root, "_data/reviews.json"));
    expect(reviews.map((r: { id: string }) => r.id)).toEqual(["example-review"]);
    expect(readdirSync(path.join(project.root, "reviews"))).toEqual(["example-review"]);
    expect(read(project.root, "schema/reviews.schema.json")).toContain('"southvale"');
    expect(setup.stdout).toMatch(/Next:\n {2}1\. .*\n {2}2\. [\s\S]*\n {2}3\. /);

    const checks = await contentChecks(project.root);
    expect(checks.code, `${checks.stdout}\n${checks.stderr}`).toBe(0);
    const build = await project.run("build");
    expect(build.code, build.stderr).toBe(0);
    expect(project.read("index.html")).toContain("Northshire SCP");
    expect(project.read("reviews/example-review/index.html")).toMatch(/fictional/i);
  }, 300_000);

  it("does not replace a partnership's reviews unless asked, and changes nothing", async () => {
    const project = sample();
    const before = read(project.root, "_data/reviews.json");
    const setup = await project.run("setup", ANSWERS);
    expect(setup.code).toBe(1);
    expect(setup.stderr).toContain("run it again with --replace");
    expect(read(project.root, "_data/reviews.json")).toBe(before);
    expect(existsSync(path.join(project.root, "reviews", "cspr-one", "overview-report.md"))).toBe(true);
  });

  it("writes nothing when an answer is wrong or missing, and says which", async () => {
    const project = sample();
    const siteBefore = read(project.root, "_data/site.json");
    const bad = await project.run("setup", [...ANSWERS.map((a) => (a === "18" ? "a year" : a)), "--replace"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/retentionMonths/);
    expect(bad.stderr).toContain("Nothing was changed");
    const missing = await project.run("setup", ["--name", "X", "--replace"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--short-name");
    expect(read(project.root, "_data/site.json")).toBe(siteBefore);
  });
});
