import { writeFileSync } from "node:fs";
import path from "node:path";
import { serveStatic, type StaticServer } from "../../src/checks/static-server.ts";
import { fixtureProject, type FixtureProject } from "./fixture-project.ts";
import { fixtureSite } from "./site.ts";
import { temporaryFolder } from "./temporary.ts";

/** A region's finder settings: the fixture partnership's site.json without areas, under the region's name and address. */
export function finderSite(): Record<string, unknown> {
  const { areas: _areas, ...site } = fixtureSite();
  return {
    ...site,
    url: "https://finder.example.org",
    partnership: { name: "Northern Region Safeguarding Children Partnerships", shortName: "Northern Region", areasServed: "the Northern Region" },
  };
}

/** A finder project: its sources.json listing `sources`, its reviews.json `reviews` (a finder's is `[]`). */
export function finderProject(sources: unknown, reviews: unknown = []): FixtureProject {
  const project = fixtureProject({ reviews, site: finderSite() });
  writeFileSync(path.join(project.root, "_data", "sources.json"), JSON.stringify(sources, null, 2));
  return project;
}

/** A hand-made feed (what a partnership's build would never write), served as `/reviews.json` on 127.0.0.1. */
export async function serveFeed(feed: unknown): Promise<StaticServer> {
  const dir = temporaryFolder("lr-feed-");
  writeFileSync(path.join(dir, "reviews.json"), typeof feed === "string" ? feed : JSON.stringify(feed));
  return serveStatic(dir);
}

/** A feed record with every field, for hand-made feeds of the site `site`. */
export function handMadeRecord(site: string, fields: Record<string, unknown>): Record<string, unknown> {
  const id = (fields.id as string) ?? "child-x";
  return {
    id,
    title: "Child X",
    type: "CSPR",
    typeName: "Child Safeguarding Practice Review",
    area: "west",
    areaName: "West",
    status: "published",
    statusText: "Published",
    footnote: null,
    published: "2026-05-01",
    leaves: null,
    themes: ["Neglect"],
    summary: "A summary.",
    pageUrl: `${site}/reviews/${id}/`,
    documents: [{ kind: "overview-report", title: "Overview report", url: `${site}/reviews/${id}/overview-report.pdf`, format: "PDF", bytes: 1000, pages: 3 }],
    ...fields,
  };
}

/** A hand-made feed of `site` (publisher `name`), built on `buildDate`, with `reviews`. */
export function handMadeFeed(site: string, name: string, reviews: unknown[], buildDate = "2026-11-20"): Record<string, unknown> {
  return { $schema: `${site}/reviews.schema.json`, version: 1, buildDate, publisher: { name, url: site, retentionMonths: 12 }, reviews };
}
