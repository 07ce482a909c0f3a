import { readFileSync } from "node:fs";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

/** The sample site settings, for tests that need a full, valid `site.json`. */
export function sampleSite(): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(PROJECT_ROOT, "_data", "site.json"), "utf8")) as Record<string, unknown>;
}
