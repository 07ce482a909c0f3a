import { readFileSync } from "node:fs";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

/** The test fixtures: a fictional partnership's settings and reviews, never the repository's own content. */
export const FIXTURES = path.join(PROJECT_ROOT, "test", "fixtures");

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as unknown;

/** The fixture partnership's settings (test/fixtures/site.json), for tests that need a full, valid `site.json`. */
export function fixtureSite(dir = FIXTURES): Record<string, unknown> {
  return readJson(path.join(dir, "site.json")) as Record<string, unknown>;
}

/** The fixture partnership's reviews (test/fixtures/reviews.json). */
export function fixtureReviews(dir = FIXTURES): Record<string, unknown>[] {
  return readJson(path.join(dir, "reviews.json")) as Record<string, unknown>[];
}

/**
 * The project whose own content (`_data/`, `reviews/`, `schema/`) the content
 * checks (test/content/) look at: this repository, or CONTENT_ROOT when a test
 * runs them on another partnership's copy.
 */
export const CONTENT_ROOT = path.resolve(process.env.CONTENT_ROOT ?? PROJECT_ROOT);
