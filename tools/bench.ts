/**
 * `npm run bench`: build-time benchmark. Not a test: it measures and reports.
 *
 * For N = 1,000 and 10,000 synthetic reviews (tools/generate-reviews.ts, seeded),
 * it runs, alternating, (a) this project's full production build (scripts/build.ts:
 * validation, every page, filter pages, feed, sitemap, open data, search index,
 * documents, the swap) and (b) a bare baseline: plain Eleventy 3 building N minimal
 * Markdown pages with one layout. For each: median wall time of the runs, peak
 * resident memory of the whole process tree, pages written, and the ratio (a)/(b).
 * At the largest size it then runs the nightly job end to end on the same project
 * (its accessibility check included: one page of each kind plus the changed pages)
 * and weighs every page of the build (tools/page-weight.ts). It also times the
 * accessibility check per page and the nightly job on the sample data. Prints a
 * table and the targets of issue 14, and writes bench-results/bench.json.
 *
 *   npm run bench [-- --sizes 1000,10000 --runs 3]
 */
import { mkdirSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { globSync } from "tinyglobby";
import { baselineProject } from "./baseline.ts";
import { runMeasured, type Measured } from "./process-stats.ts";
import { projectCopy } from "./project-copy.ts";
import { writeDataSet } from "./generate-reviews.ts";
import { PAGE_BUDGET_BYTES, weighPages } from "./page-weight.ts";
import { clockAt, noonOn } from "../test/helpers/clock-at.ts";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "1000,10000" }, runs: { type: "string", default: "3" } } });
const sizes = values.sizes.split(",").map(Number);
const runs = Number(values.runs);
const root = process.cwd();
const node = process.execPath;
const eleventyCli = path.join(root, "node_modules", "@11ty", "eleventy", "cmd.cjs");
const env = { ...process.env, BUILD_DATE: "2026-11-26", NO_COLOR: "1" };
// The nightly builds for today only: it runs with its clock at the bench's date (test/helpers/clock-at.ts), not BUILD_DATE.
const nightlyEnv = { ...process.env, BUILD_DATE: "", NO_COLOR: "1" };
const nightlyArgs = ["--import", "tsx", "--import", clockAt(noonOn("2026-11-26")), "scripts/nightly.ts"];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (bytes: number) => bytes / 1024 / 1024;
const countHtml = (dir: string) => globSync("**/*.html", { cwd: dir, dot: true }).length;

function check(label: string, result: Measured): Measured {
  if (result.code !== 0) throw new Error(`${label} failed (exit ${result.code}):\n${result.stderr.slice(-2000)}`);
  return result;
}

interface SizeResult {
  reviews: number;
  build: { medianMs: number; runsMs: number[]; peakRssMiB: number; pages: number };
  baseline: { medianMs: number; runsMs: number[]; peakRssMiB: number; pages: number };
  ratio: number;
}

interface NightlyAtScale {
  reviews: number;
  nightlyMs: number;
  nightlyPeakRssMiB: number;
  pagesCheckedForAccessibility: number | null;
  nightlyOverBuild: number;
  pagesWeighed: number;
  heaviestPage: { page: string; gzipKB: number };
  pagesOverBudget: string[];
}

const results: SizeResult[] = [];
let largest: { n: number; project: string; buildMs: number } | undefined;
for (const n of sizes) {
  const project = projectCopy(root, `lr-bench-${n}-`);
  writeDataSet(project, n);
  const baseline = baselineProject(n);
  const build: Measured[] = [];
  const base: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    build.push(check(`build of ${n}`, await runMeasured(node, ["--import", "tsx", "scripts/build.ts", "--out", "_site"], { cwd: project, env })));
    base.push(check(`baseline of ${n}`, await runMeasured(node, [eleventyCli, "--input=.", "--output=_site", "--quiet"], { cwd: baseline, env })));
    process.stderr.write(
      `  ${n} reviews, run ${i + 1}/${runs}: build ${(build.at(-1)!.wallMs / 1000).toFixed(1)} s, baseline ${(base.at(-1)!.wallMs / 1000).toFixed(1)} s\n`,
    );
  }
  const summary = (ms: Measured[], out: string) => ({
    medianMs: Math.round(median(ms.map((m) => m.wallMs))),
    runsMs: ms.map((m) => Math.round(m.wallMs)),
    peakRssMiB: Math.round(mib(Math.max(...ms.map((m) => m.peakRssBytes)))),
    pages: countHtml(out),
  });
  const b = summary(build, path.join(project, "_site"));
  const bl = summary(base, path.join(baseline, "_site"));
  results.push({ reviews: n, build: b, baseline: bl, ratio: Number((b.medianMs / bl.medianMs).toFixed(2)) });
  if (n === Math.max(...sizes)) largest = { n, project, buildMs: b.medianMs };
}

// The nightly job at the largest size, end to end, on the live build the runs above left (same data, same date:
// its accessibility check samples one page of each kind, as on a night when nothing changed); and every page weighed.
let atScale: NightlyAtScale | undefined;
if (largest) {
  const night = check(`nightly of ${largest.n}`, await runMeasured(node, [...nightlyArgs, "--a11y", "always"], { cwd: largest.project, env: nightlyEnv }));
  const report = JSON.parse(readFileSync(path.join(largest.project, "_site.report.json"), "utf8")) as { accessibility?: { checked?: number } };
  const weights = weighPages(path.join(largest.project, "_site"));
  const heaviest = weights.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  atScale = {
    reviews: largest.n,
    nightlyMs: Math.round(night.wallMs),
    nightlyPeakRssMiB: Math.round(mib(night.peakRssBytes)),
    pagesCheckedForAccessibility: report.accessibility?.checked ?? null,
    nightlyOverBuild: Number((night.wallMs / largest.buildMs).toFixed(2)),
    pagesWeighed: weights.length,
    heaviestPage: { page: heaviest.page, gzipKB: Number((heaviest.gzipBytes / 1024).toFixed(1)) },
    pagesOverBudget: weights.filter((w) => w.gzipBytes > PAGE_BUDGET_BYTES).map((w) => w.page),
  };
}

// The accessibility check, per page, and the nightly job end to end, on the sample data.
const sample = projectCopy(root, "lr-bench-sample-");
cpSync(path.join(root, "_data", "reviews.json"), path.join(sample, "_data", "reviews.json"));
cpSync(path.join(root, "_data", "site.json"), path.join(sample, "_data", "site.json"));
cpSync(path.join(root, "reviews"), path.join(sample, "reviews"), { recursive: true });
check("sample build", await runMeasured(node, ["--import", "tsx", "scripts/build.ts", "--out", "_site"], { cwd: sample, env }));
const a11y = check("accessibility check", await runMeasured(node, ["--import", "tsx", "scripts/a11y.ts", "--site", "_site"], { cwd: sample, env }));
const checked = Number(/(\d+)\/\d+ URLs passed/.exec(a11y.stdout)?.[1] ?? 0);
const nightly = check("nightly job", await runMeasured(node, [...nightlyArgs, "--a11y", "auto"], { cwd: sample, env: nightlyEnv }));

const at = (n: number) => results.find((r) => r.reviews === n);
const report = {
  machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
  runs,
  sizes: results,
  accessibility: { urlsChecked: checked, totalMs: Math.round(a11y.wallMs), perUrlMs: checked ? Math.round(a11y.wallMs / checked) : null },
  nightly: { totalMs: Math.round(nightly.wallMs), peakRssMiB: Math.round(mib(nightly.peakRssBytes)) },
  atScale,
  // Issue 14's targets; null when this run did not measure it.
  targets: {
    tenThousandWithin1_5xBaseline: at(10000) ? at(10000)!.ratio <= 1.5 : null,
    oneThousandWithin2xBaseline: at(1000) ? at(1000)!.ratio <= 2 : null,
    tenThousandUnder1GiB: at(10000) ? at(10000)!.build.peakRssMiB <= 1024 : null,
    linearScaling: at(1000) && at(10000) ? Number((at(10000)!.build.medianMs / at(1000)!.build.medianMs).toFixed(1)) : null,
    nightlyWithin3xBuild: atScale?.reviews === 10000 ? atScale.nightlyOverBuild <= 3 : null,
    everyPageWithinBudget: atScale?.reviews === 10000 ? atScale.pagesOverBudget.length === 0 : null,
  },
};
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/bench.json", `${JSON.stringify(report, null, 2)}\n`);

const rows = [
  ["reviews", "build (median)", "build peak RSS", "build pages", "baseline (median)", "baseline peak RSS", "baseline pages", "build / baseline"],
  ...results.map((r) => [
    r.reviews.toLocaleString("en-GB"),
    `${(r.build.medianMs / 1000).toFixed(1)} s`,
    `${r.build.peakRssMiB} MiB`,
    r.build.pages.toLocaleString("en-GB"),
    `${(r.baseline.medianMs / 1000).toFixed(1)} s`,
    `${r.baseline.peakRssMiB} MiB`,
    r.baseline.pages.toLocaleString("en-GB"),
    `${r.ratio}×`,
  ]),
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
console.log(rows.map((row) => "| " + row.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ") + " |").join("\n"));
console.log(
  `\nAccessibility check (sample site): ${checked} URLs in ${(a11y.wallMs / 1000).toFixed(1)} s, ${report.accessibility.perUrlMs} ms a URL (including Chromium's start).`,
);
console.log(
  `Nightly job end to end (sample site, with the accessibility check): ${(nightly.wallMs / 1000).toFixed(1)} s, peak ${report.nightly.peakRssMiB} MiB.`,
);
if (atScale)
  console.log(
    `Nightly job at ${atScale.reviews.toLocaleString("en-GB")} reviews, end to end (accessibility check of ${atScale.pagesCheckedForAccessibility} pages): ` +
      `${(atScale.nightlyMs / 1000).toFixed(1)} s, ${atScale.nightlyOverBuild}× the build, peak ${atScale.nightlyPeakRssMiB} MiB.\n` +
      `Page weight at ${atScale.reviews.toLocaleString("en-GB")} reviews: ${atScale.pagesWeighed} pages, the heaviest ${atScale.heaviestPage.page} at ${atScale.heaviestPage.gzipKB} KB, ${atScale.pagesOverBudget.length} over ${PAGE_BUDGET_BYTES / 1024} KB.`,
  );
if (report.targets.linearScaling !== null) console.log(`10,000 reviews took ${report.targets.linearScaling}× as long as 1,000.`);
console.log(`Targets: ${JSON.stringify(report.targets)}`);
console.log("Written to bench-results/bench.json.");
