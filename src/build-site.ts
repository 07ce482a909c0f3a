import { access, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { spawn } from "node:child_process";
import { buildSearchIndex } from "./search-index.ts";
import { loadCatalogue, type Catalogue } from "./catalogue.ts";
import { contentPaths } from "./paths.ts";
import { formatProblems } from "./problems.ts";
import { newBuildDir, outputLayout, publishBuild, type OutputLayout } from "./publish.ts";

export interface BuildOptions {
  /** The published output: a link to the live build. Default `_site`. */
  out?: string;
  /** Runs on the finished build before it goes live; throw to stop it going live. */
  beforePublish?: (buildDir: string, catalogue: Catalogue) => Promise<void>;
  log?: (line: string) => void;
}

export interface BuildResult {
  buildDir: string;
  catalogue: Catalogue;
  previous?: string;
  layout: OutputLayout;
}

/** Only one build may write to an output at a time; a lock left by a process that has died is taken over. */
async function lock(layout: OutputLayout): Promise<() => Promise<void>> {
  const lockFile = `${layout.out}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockFile, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(await readFile(lockFile, "utf8").catch(() => ""));
      let alive = false;
      try {
        alive = pid > 0 && process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (alive) throw new Error(`Another build (process ${pid}) is writing to ${layout.out}; wait for it to finish. If none is running, delete ${lockFile}.`);
      await rm(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${layout.out}.`);
}

/**
 * Run Eleventy with the project's config in a child process, writing into
 * `outputDir`, then build the search index. Eleventy runs in its own process so
 * that its memory is given back before Pagefind starts: at 10,000 reviews the two
 * together would pass 1 GiB.
 */
export async function runEleventy(outputDir: string): Promise<void> {
  const cli = path.join(process.cwd(), "node_modules", "@11ty", "eleventy", "cmd.cjs");
  const child = spawn(process.execPath, ["--import", "tsx", cli, "--config=.eleventy.ts", `--output=${outputDir}`, "--quiet"], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exit) => resolve(exit ?? 1));
  });
  if (code !== 0) throw new Error(`Eleventy failed (exit ${code}):\n${stderr.trim()}`);
  // A config's dir.output would override the folder given here; a build that wrote elsewhere must never go live.
  try {
    await access(path.join(outputDir, "index.html"));
  } catch {
    throw new Error(`Eleventy wrote no index.html into ${outputDir}; check that .eleventy.ts sets no output folder.`);
  }
  await buildSearchIndex(outputDir);
}

/**
 * Build the whole site into a new folder and make it live in one step. The data
 * is checked before anything is written; a failure at any point leaves the live
 * output exactly as it was.
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const layout = outputLayout(options.out ?? "_site");
  const catalogue = loadCatalogue({
    paths: contentPaths(),
    onWarnings: (warnings) => {
      if (warnings.length) log(formatProblems(warnings, "warning"));
    },
  });
  const unlock = await lock(layout);
  let buildDir: string | undefined;
  try {
    buildDir = await newBuildDir(layout, catalogue.buildDate);
    await runEleventy(buildDir);
    await options.beforePublish?.(buildDir, catalogue);
    const { previous } = await publishBuild(layout, buildDir);
    return { buildDir, catalogue, layout, ...(previous ? { previous } : {}) };
  } catch (error) {
    if (buildDir) await rm(buildDir, { recursive: true, force: true });
    throw error;
  } finally {
    await unlock();
  }
}
