import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Review } from "../../src/model/review.ts";
import { temporaryFolder } from "./temporary.ts";

/** A temporary `reviews/` folder holding `files` (paths such as `child-a/report.pdf`), removed after the test run. */
export function reviewsDir(files: Record<string, string | Uint8Array>): string {
  const dir = temporaryFolder("lr-facts-");
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A listed CSPR whose documents are `files` in its folder, as validation hands it to the document facts. */
export function reviewWithFiles(id: string, files: string[]): Review {
  return {
    id,
    title: `Child ${id}`,
    type: "CSPR",
    area: "northshire",
    status: "published",
    published: "2026-01-01",
    themes: [],
    documents: files.map((file) => ({ kind: "other" as const, title: file, file, bytes: 1 })),
  };
}
