/**
 * A document's file as the editor saves it: the uploaded file's name alone. Sveltia CMS gives a new upload its
 * bare name (the File field's public folder is empty: src/cms/config.ts), but a file chosen from those already
 * uploaded as its path on the site, `/reviews/uploads/<name>` (tried: Sveltia CMS 0.221); that path, or
 * `/<name>`, is saved as `<name>`. Any other path is left for the build's validation to refuse.
 */
import { isRecord } from "../content/document-files.ts";
import { UPLOADS_FOLDER } from "../model/review.ts";

const CHOSEN = new RegExp(`^/(?:reviews/${UPLOADS_FOLDER}/)?([^/\\\\]+)$`);

function bareName(file: unknown): unknown {
  if (typeof file !== "string") return file;
  const name = CHOSEN.exec(file)?.[1];
  return name === undefined || name === "." || name === ".." ? file : name;
}

/** The form's reviews, each document's chosen upload named by its bare name. */
export function withBareUploadNames(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((review) => {
    if (!isRecord(review) || !Array.isArray(review.documents)) return review;
    const documents = review.documents.map((doc: unknown) => (isRecord(doc) && "file" in doc ? { ...doc, file: bareName(doc.file) } : doc));
    return { ...review, documents };
  });
}
