import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../../src/checks/site-check.ts";

/** Every file of a built site with the hash of its bytes: two equal snapshots mean byte-identical sites. */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(path.join(dir, file)))
        .digest("hex"),
    ]),
  );
}
