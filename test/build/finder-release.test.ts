/**
 * A finder's failed night and rollback (issue 23: "the lock, the atomic swap, the failed-night behaviour … hold for
 * the finder too"). A failed night rebuilds the live finder's kept harvest at today's date, so an SCR leaves on its
 * day even when its partnership cannot be read. A rollback never brings back what the live build no longer
 * publishes: in a finder that includes a review its partnership has taken down since (gone from its feed), which
 * the previous build's kept harvest still holds, so a rollback that rebuilds that harvest at today's date (because
 * an SCR in it has left) must not list it again.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/checks/static-server.ts";
import { finderProject, handMadeFeed, handMadeRecord } from "../helpers/finder.ts";
import type { FixtureProject } from "../helpers/fixture-project.ts";
import { temporaryFolder } from "../helpers/temporary.ts";

const SITE = "https://good.example.org";
const titles = (html: string) => [...html.matchAll(/<h3 class="review-title"><a href="[^"]*">([^<]*)</g)].map((m) => m[1]);

describe("a finder's rollback", () => {
  let dir: string;
  let server: StaticServer;
  let project: FixtureProject;
  const serve = (reviews: unknown[]) => writeFileSync(path.join(dir, "reviews.json"), JSON.stringify(handMadeFeed(SITE, "Good Partnership", reviews)));
  const kept = handMadeRecord(SITE, { id: "child-kept", title: "Child Kept" });
  const takenDown = handMadeRecord(SITE, { id: "child-taken-down", title: "Child Taken Down" });
  // Its 12 months end on 28 November 2026: it leaves on that day.
  const scr = handMadeRecord(SITE, {
    id: "family-leaving",
    title: "Family Leaving",
    type: "SCR",
    typeName: "Serious Case Review",
    published: "2025-11-28",
    leaves: "2026-11-28",
  });

  beforeAll(async () => {
    dir = temporaryFolder("lr-feed-");
    server = await serveStatic(dir);
    project = finderProject([{ id: "good", name: "Good Partnership", feed: `${server.url}/reviews.json`, site: SITE }]);
  });
  afterAll(async () => {
    await server.close();
  });

  it("on a failed night with its partnership down, rebuilds the live finder's kept harvest at today's date: the SCR leaves on its day", async () => {
    const other = finderProject([{ id: "good", name: "Good Partnership", feed: `${server.url}/reviews.json`, site: SITE }]);
    serve([kept, scr]);
    const first = await other.runOn("2026-11-27", "build");
    expect(first.code, first.stderr).toBe(0);
    expect(titles(other.read("index.html")).sort()).toEqual(["Child Kept", "Family Leaving"]);
    // Its partnership's site is down (its feed gone) and tonight's build fails: the fallback must still take the SCR off.
    writeFileSync(path.join(dir, "reviews.json"), "<html>down</html>");
    const night = await other.runOn("2026-11-28", "nightly", ["--a11y", "never"], { LEARNING_REVIEWS_FAULT: "eleventy" });
    expect(night.code, night.stderr).toBe(1);
    expect(night.stderr).toContain("FALLBACK RAN");
    expect(titles(other.read("index.html"))).toEqual(["Child Kept"]);
    expect(other.read("reviews.json")).not.toContain("family-leaving");
    expect(other.read("harvest.json")).not.toContain("family-leaving");
    expect(other.read("search-sources.json")).not.toContain("family-leaving");
  }, 300_000);

  it("never lists again a review its partnership took down since, when the previous build is rebuilt at today's date because an SCR in it has left", async () => {
    serve([kept, takenDown, scr]);
    const first = await project.runOn("2026-11-26", "build");
    expect(first.code, first.stderr).toBe(0);
    expect(titles(project.read("index.html")).sort()).toEqual(["Child Kept", "Child Taken Down", "Family Leaving"]);
    // The partnership takes Child Taken Down off its site; the finder's next build follows.
    serve([kept, scr]);
    const second = await project.runOn("2026-11-27", "build");
    expect(second.code, second.stderr).toBe(0);
    expect(titles(project.read("index.html")).sort()).toEqual(["Child Kept", "Family Leaving"]);
    // On the SCR's leaving day, a rollback to the first build: it must be rebuilt without the SCR, and never with the review taken down.
    // Refused (it would bring the review back), it changes nothing: the live build stays until tonight's build.
    const rollback = await project.runOn("2026-11-28", "rollback");
    const output = `${rollback.stdout}\n${rollback.stderr}`;
    expect(titles(project.read("index.html")), output).not.toContain("Child Taken Down");
    expect(rollback.code, output).not.toBe(0);
    expect(rollback.stderr).toMatch(/Rolling back would bring back what the live site no longer publishes: the review good-child-taken-down\b/);
    expect(titles(project.read("index.html")).sort()).toEqual(["Child Kept", "Family Leaving"]);
  }, 300_000);
});
