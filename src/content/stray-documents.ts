import { readdirSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../model/problems.ts";
import { UPLOADS_FOLDER } from "../model/review.ts";
import { type DocumentContext, isRecord } from "./document-files.ts";

/**
 * Files in `reviews/` that no review points to are never published; say so, in
 * case a maintainer dropped a file in (or uploaded one) and forgot to add it to the data.
 */
export function strayDocumentWarnings(raw: unknown[], ctx: DocumentContext): Problem[] {
  const referenced = new Map<string, Set<string>>();
  for (const review of raw) {
    if (!isRecord(review) || typeof review.id !== "string") continue;
    const files = referenced.get(review.id) ?? new Set<string>();
    if (Array.isArray(review.documents)) for (const doc of review.documents) if (isRecord(doc) && typeof doc.file === "string") files.add(doc.file);
    referenced.set(review.id, files);
  }
  const warnings: Problem[] = [];
  let folders: string[];
  try {
    folders = readdirSync(ctx.reviewsDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return warnings;
  }
  const named = new Set([...referenced.values()].flatMap((files) => [...files]));
  for (const folder of folders) {
    if (folder === UPLOADS_FOLDER) {
      warnings.push(...strayUploads(readdirSync(path.join(ctx.reviewsDir, folder)), named));
      continue;
    }
    const files = referenced.get(folder);
    if (!files) {
      warnings.push({ file: `reviews/${folder}/`, message: `no review in _data/reviews.json has the id "${folder}", so nothing in this folder is published.` });
      continue;
    }
    for (const name of readdirSync(path.join(ctx.reviewsDir, folder)).sort()) {
      if (!files.has(name) && !name.startsWith(".")) {
        warnings.push({
          file: `reviews/${folder}/${name}`,
          review: `review "${folder}"`,
          message: "no document of this review points to this file, so it is not published.",
        });
      }
    }
  }
  return warnings;
}

/** Uploads that no review's document names are never published. */
function strayUploads(names: string[], named: ReadonlySet<string>): Problem[] {
  return names
    .filter((name) => !named.has(name) && !name.startsWith("."))
    .sort()
    .map((name) => ({
      file: `reviews/${UPLOADS_FOLDER}/${name}`,
      message: "no review's document names this uploaded file, so it is not published. Choose it in a review's document (its File field), or delete it.",
    }));
}
