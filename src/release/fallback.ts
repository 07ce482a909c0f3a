import { lstat, readFile, realpath, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { x } from "tinyexec";
import type { BuildFolder, BuildMeta } from "../build/build-record.ts";
import type { IsoDate } from "../model/dates.ts";
import { keptReviews } from "../rules/kept-builds.ts";
import type { RuleInput } from "../rules/publication.ts";

/**
 * The one fallback, the same on every host: build a site with the code that made it (a build's `code/`, or a
 * checkout of the commit last deployed) at today's date, and publish it to `out` as any build is published
 * (the child takes the output lock, checks the dates and the site, and swaps). On a plain host it rebuilds
 * the live build's own data (or the previous build's, for a rollback); on GitHub Pages, the checkout's own `_data/`.
 */
export interface FallbackOptions {
  /** The running project, whose node_modules the code folder borrows when their package-lock.json files are the same. */
  root: string;
  /** The code to build with: a folder holding scripts/build.ts and the files it reads. */
  code: string;
  /** A kept build to rebuild, and what it lists; without it, the code folder's own `_data/` and `reviews/`. */
  kept?: { folder: BuildFolder; meta: BuildMeta };
  out: string;
  /** Today's date: the date it is built at. */
  date: IsoDate;
  log: (line: string) => void;
}

const readOr = (file: string) => readFile(file, "utf8").catch(() => null);

/** The code folder's node_modules: the running project's, linked, when the lock files are the same; else installed. */
async function provideModules(root: string, code: string, log: (line: string) => void): Promise<void> {
  const target = path.join(code, "node_modules");
  const found = await lstat(target).catch(() => undefined);
  if ((await readOr(path.join(code, "package-lock.json"))) === (await readOr(path.join(root, "package-lock.json")))) {
    if (found && !found.isSymbolicLink()) return;
    await rm(target, { force: true });
    await symlink(await realpath(path.join(root, "node_modules")), target, "dir");
    log(`Fallback: ${code} has the same package-lock.json as the running project, so it uses its node_modules.`);
    return;
  }
  // A link to another project's modules must never be emptied by npm ci.
  if (found?.isSymbolicLink()) await rm(target, { force: true });
  log(`Fallback: ${code} has a package-lock.json of its own, so its dependencies are installed (npm ci --prefer-offline).`);
  const npm = await x("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], { nodeOptions: { cwd: code, stdio: ["ignore", "pipe", "pipe"] } });
  if (npm.exitCode !== 0) throw new Error(`npm ci in ${code} failed (exit ${npm.exitCode ?? "by a signal"}):\n${npm.stderr.trim()}`);
}

/** The kept data as the rebuild reads it: the reviews it may publish (keptReviews), with documents read from the build's own served copy. Plain JSON: the kept code checks it. */
export function rebuildInput(kept: Record<string, unknown>, meta: BuildMeta, site: string, date: IsoDate): Record<string, unknown> {
  const retentionMonths = Number((kept.site as { retentionMonths?: unknown } | undefined)?.retentionMonths ?? 12);
  const reviews = (Array.isArray(kept.reviews) ? kept.reviews : []) as (RuleInput & { id: string })[];
  return { ...kept, buildDate: date, contentRoot: site, reviews: keptReviews(reviews, meta, date, { retentionMonths }) };
}

/** Run the fallback; throws, with the child's own words, when it did not publish. */
export async function runFallback(options: FallbackOptions): Promise<void> {
  const { code, kept, date, log } = options;
  const manifest = JSON.parse((await readOr(path.join(code, "package.json"))) ?? "{}") as { scripts?: Record<string, string> };
  const args = ["--import", "tsx", path.join("scripts", "build.ts"), "--out", path.resolve(options.out)];
  // Code made before the fallback existed (a checkout of an older commit) builds its own data, without --check; a kept
  // build's code always has it (builds keep their code since the fallback came), and older code would refuse --input.
  if (typeof manifest.scripts?.fallback === "string") args.push("--check");
  const inputFile = kept ? path.join(kept.folder.input, `rebuild-${date}-${process.pid}.json`) : undefined;
  try {
    if (kept && inputFile) {
      const input = JSON.parse(await readFile(path.join(kept.folder.input, "build-input.json"), "utf8")) as Record<string, unknown>;
      await writeFile(inputFile, JSON.stringify(rebuildInput(input, kept.meta, kept.folder.site, date)), { mode: 0o600 });
      args.push("--input", inputFile);
    }
    await provideModules(options.root, code, log);
    log(`Fallback: building with the code in ${code} at ${date}${kept ? `, from the data kept with ${kept.folder.dir}` : ", from its own data"}.`);
    // The child is a build of its own: tonight's test faults and dates are not its.
    const env = { LEARNING_REVIEWS_FAULT: "", SOURCE_DATE_EPOCH: "", BUILD_DATE: date, NO_COLOR: "1" };
    const child = await x(process.execPath, args, { nodeOptions: { cwd: code, env, stdio: ["ignore", "pipe", "pipe"] }, throwOnError: false });
    for (const line of child.stdout.trim().split("\n").filter(Boolean)) log(`Fallback: ${line}`);
    if (child.exitCode !== 0) throw new Error(`the fallback build (exit ${child.exitCode ?? "by a signal"}) failed:\n${child.stderr.trim()}`);
  } finally {
    if (inputFile) await rm(inputFile, { force: true });
  }
}
