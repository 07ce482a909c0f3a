import { access, cp, readdir } from "node:fs/promises";
import path from "node:path";
import { x } from "tinyexec";

/**
 * The project files `npm run build` reads, copied into each build's `code/` so that a failed night can rebuild
 * that build with the code that made it (src/release/fallback.ts). Not node_modules (linked or installed when
 * needed), not the tests, not the content (`_data/*.json`, `reviews/`: the build's data is in its `input/`).
 */
export const CODE_FILES = ["package.json", "package-lock.json", "tsconfig.json", ".eleventy.ts", "src", "pages", "_includes", "scripts", "admin"];

/** Copy the code of the project at `root` into `to`; links are followed, so the copy holds the files themselves. */
export async function keepCode(root: string, to: string): Promise<void> {
  for (const name of CODE_FILES) {
    await cp(path.join(root, name), path.join(to, name), { recursive: true, dereference: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
  // Data files that are code (`_data/*.ts`), never the data itself.
  const data = await readdir(path.join(root, "_data")).catch(() => [] as string[]);
  for (const file of data.filter((name) => name.endsWith(".ts"))) await cp(path.join(root, "_data", file), path.join(to, "_data", file), { dereference: true });
}

/** The git commit checked out at `root`, when it is a git checkout (not a folder inside one) with a commit, for the record. */
export async function commitOf(root: string): Promise<string | undefined> {
  try {
    await access(path.join(root, ".git"));
    const result = await x("git", ["rev-parse", "--verify", "-q", "HEAD"], { nodeOptions: { cwd: root, stdio: ["ignore", "pipe", "ignore"] } });
    const commit = result.exitCode === 0 ? result.stdout.trim() : "";
    return /^[0-9a-f]{40}$/.test(commit) ? commit : undefined;
  } catch {
    return undefined;
  }
}
