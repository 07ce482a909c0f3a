import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fixtureSite } from "./site.ts";
import { temporaryFolder } from "./temporary.ts";

/** The fixture partnership's area keys (test/fixtures/site.json). */
export const AREA_KEYS = Object.keys(fixtureSite().areas as object);

/** A review that passes validation; tests change one thing at a time. */
export function validReview(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "child-a",
    title: "Child A",
    type: "CSPR",
    area: "northshire",
    status: "published",
    published: "2025-06-14",
    summary: "A summary.",
    themes: ["neglect"],
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
    ...overrides,
  };
}

/** A temporary `reviews/` folder with the given files (`"child-a/overview-report.pdf": "content"`). */
export function reviewsFolder(files: Record<string, string | Uint8Array>): string {
  const dir = temporaryFolder("lr-reviews-");
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}
