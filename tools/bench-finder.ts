/**
 * `npm run bench:finder`: a finder's benchmark (issue 23). Not a test: it measures and reports.
 *
 * It serves S hand-made feeds of P reviews each (a mix of CSPRs and SCRs, withheld and delayed ones, two
 * documents each) from one server on 127.0.0.1, each source with a site of its own, writes a finder project
 * whose _data/sources.json lists them, and runs, alternating, (a) the finder's full production build
 * (scripts/build.ts: the harvest of every feed, every page, the search index, the swap) and (b) the bare
 * baseline, plain Eleventy building S × P minimal pages (tools/baseline.ts). It also times the harvest alone,
 * in this process. Prints a table and writes bench-results/bench-finder.json.
 *
 *   npm run bench:finder [-- --sources 100 --per-source 124 --runs 3]   (124 a source: 10,000 listed, the rest SCRs past their 12 months)
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { globSync } from "tinyglobby";
import { serveStatic } from "../src/checks/static-server.ts";
import { addMonths } from "../src/model/dates.ts";
import { FEED_VERSION } from "../src/model/review-feed.ts";
import { fetchFeed } from "../src/sources/fetch-feed.ts";
import { harvestSources } from "../src/sources/harvest.ts";
import { readSources } from "../src/sources/source-list.ts";
import { finderSite } from "../test/helpers/finder.ts";
import { baselineProject } from "./baseline.ts";
import { runMeasured, type Measured } from "./process-stats.ts";
import { projectCopy } from "./project-copy.ts";

const { values } = parseArgs({
  options: { sources: { type: "string", default: "100" }, "per-source": { type: "string", default: "124" }, runs: { type: "string", default: "3" } },
});
const S = Number(values.sources);
const P = Number(values["per-source"]);
const runs = Number(values.runs);
const BUILD_DATE = "2026-11-26";
const root = process.cwd();
const node = process.execPath;
const eleventyCli = path.join(root, "node_modules", "@11ty", "eleventy", "cmd.cjs");
const env = { ...process.env, BUILD_DATE, NO_COLOR: "1" };
const THEMES = ["neglect", "domestic abuse", "safe sleep", "mental health", "exploitation", "online harm", "housing", "substance misuse"];

/** Source s's feed: P records, newest first, with dates over the last four years (its SCRs past their 12 months are not in it). */
function feedOf(s: number, site: string): object {
  const reviews = [];
  for (let i = 0; i < P; i++) {
    const published = addMonths("2026-11-01", -Math.floor((i * 48) / P));
    const scr = i % 4 === 3;
    const leaves = scr ? addMonths(published, 12) : null;
    if (leaves !== null && leaves <= BUILD_DATE) continue;
    const id = `child-${s}-${i}`;
    const status = i % 10 === 5 ? "withheld" : i % 10 === 7 ? "delayed" : "published";
    reviews.push({
      id,
      title: `Child ${String.fromCharCode(65 + (i % 26))}${i} of source ${s}`,
      type: scr ? "SCR" : "CSPR",
      typeName: scr ? "Serious Case Review" : "Child Safeguarding Practice Review",
      area: `area-${i % 3}`,
      areaName: `Area ${i % 3}`,
      status,
      statusText: status === "published" ? "Published" : status === "withheld" ? "Overview report withheld" : "Publication delayed",
      footnote: status === "published" ? null : { code: status === "withheld" ? "*" : "**", text: `Source ${s}'s words on ${status} reports.` },
      published: status === "delayed" ? null : published,
      leaves,
      themes: [THEMES[i % THEMES.length]!, THEMES[(i * 3 + s) % THEMES.length]!],
      summary: `A review of the help given to a child in source ${s}'s area, and what agencies learnt about ${THEMES[i % THEMES.length]}.`,
      pageUrl: `${site}/reviews/${id}/`,
      documents: [
        ...(status === "withheld"
          ? []
          : [
              { kind: "overview-report", title: "Overview report", url: `${site}/reviews/${id}/overview-report.pdf`, format: "PDF", bytes: 250_000, pages: 40 },
            ]),
        { kind: "learning-brief", title: "Learning brief", url: `${site}/reviews/${id}/learning-brief.pdf`, format: "PDF", bytes: 90_000, pages: 4 },
      ],
    });
  }
  return {
    $schema: `${site}/reviews.schema.json`,
    version: FEED_VERSION,
    buildDate: BUILD_DATE,
    publisher: { name: `Source ${s} Partnership`, url: site, retentionMonths: 12 },
    reviews,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
const check = (label: string, result: Measured) => {
  if (result.code !== 0) throw new Error(`${label} failed (exit ${result.code}):\n${result.stderr.slice(-2000)}`);
  return result;
};

const feeds = mkdtempSync(path.join(tmpdir(), "lr-bench-feeds-"));
let listed = 0;
const sites = Array.from({ length: S }, (_, s) => `https://source-${s}.example.org`);
for (const [s, site] of sites.entries()) {
  mkdirSync(path.join(feeds, `s${s}`));
  const feed = feedOf(s, site) as { reviews: unknown[] };
  listed += feed.reviews.length;
  writeFileSync(path.join(feeds, `s${s}`, "reviews.json"), JSON.stringify(feed));
}
const server = await serveStatic(feeds);
try {
  const sources = sites.map((site, s) => ({ id: `source-${s}`, name: `Source ${s} Partnership`, feed: `${server.url}/s${s}/reviews.json`, site }));
  const project = projectCopy(root, "lr-bench-finder-");
  writeFileSync(path.join(project, "_data", "site.json"), JSON.stringify(finderSite()));
  writeFileSync(path.join(project, "_data", "reviews.json"), "[]");
  writeFileSync(path.join(project, "_data", "sources.json"), JSON.stringify(sources));

  const started = performance.now();
  const harvest = await harvestSources(readSources(sources).sources, { today: BUILD_DATE, fetchFeed });
  const harvestMs = Math.round(performance.now() - started);
  if (harvest.records.length !== listed) throw new Error(`The harvest listed ${harvest.records.length} reviews, not ${listed}.`);

  const baseline = baselineProject(listed);
  const build: Measured[] = [];
  const base: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    build.push(check("finder build", await runMeasured(node, ["--import", "tsx", "scripts/build.ts", "--out", "_site"], { cwd: project, env })));
    base.push(check("baseline", await runMeasured(node, [eleventyCli, "--input=.", "--output=_site", "--quiet"], { cwd: baseline, env })));
    process.stderr.write(
      `  run ${i + 1}/${runs}: finder ${(build.at(-1)!.wallMs / 1000).toFixed(1)} s, baseline ${(base.at(-1)!.wallMs / 1000).toFixed(1)} s\n`,
    );
  }
  const pages = (dir: string) => globSync("**/*.html", { cwd: dir, dot: true }).length;
  const report = {
    sources: S,
    reviewsListed: listed,
    harvestMs,
    build: {
      medianMs: Math.round(median(build.map((m) => m.wallMs))),
      runsMs: build.map((m) => Math.round(m.wallMs)),
      peakRssMiB: mib(Math.max(...build.map((m) => m.peakRssBytes))),
      pages: pages(path.join(project, "_site")),
    },
    baseline: {
      medianMs: Math.round(median(base.map((m) => m.wallMs))),
      peakRssMiB: mib(Math.max(...base.map((m) => m.peakRssBytes))),
      pages: pages(path.join(baseline, "_site")),
    },
  };
  const ratio = Number((report.build.medianMs / report.baseline.medianMs).toFixed(2));
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/bench-finder.json", `${JSON.stringify({ ...report, ratio }, null, 2)}\n`);
  console.log(
    `Finder over ${S} sources, ${listed.toLocaleString("en-GB")} reviews listed: harvest ${(harvestMs / 1000).toFixed(1)} s; ` +
      `build (harvest included) ${(report.build.medianMs / 1000).toFixed(1)} s median, peak ${report.build.peakRssMiB} MiB, ${report.build.pages} pages; ` +
      `bare Eleventy of ${listed.toLocaleString("en-GB")} pages ${(report.baseline.medianMs / 1000).toFixed(1)} s; finder / baseline ${ratio}×.`,
  );
  console.log("Written to bench-results/bench-finder.json.");
} finally {
  await server.close();
}
