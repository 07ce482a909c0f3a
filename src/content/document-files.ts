import { type Stats, lstatSync, realpathSync } from "node:fs";
import path from "node:path";
import { documentFormat } from "../model/document-formats.ts";
import { quote } from "../model/problems.ts";
import { SLUG, UPLOADS_FOLDER } from "../model/review.ts";
import { OVERVIEW_PHRASES, overviewPhraseIn, type Written } from "./overview-words.ts";

/** What the document checks need to know: where the `reviews/<id>/` folders are. */
export interface DocumentContext {
  reviewsDir: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The checks of a review's documents that need more than its own fields: the
 * files in `reviews/<id>/` (real files inside the folder, never a link out of
 * it), the withheld rule by kind, title, file name and address (read as
 * overview-words.ts says); files that nothing publishes are in stray-documents.ts.
 */

/** The phrases that name the overview report, as a message lists them: "overview", "overall report" … or "full report". */
const SAY_NONE_OF = `${OVERVIEW_PHRASES.slice(0, -1)
  .map((phrase) => `"${phrase}"`)
  .join(", ")} or "${OVERVIEW_PHRASES.at(-1)}"`;

const WITHHELD_REASON = "a withheld review must not have an overview report: the decision was taken not to publish it to protect the child and family.";

/** What a title, file name or address reads as, with a word on how when it is not plainly written (overview-words.ts). */
function readsAs(found: { phrase: string; written: Written }): string {
  return `reads as "${found.phrase}"${HOW[found.written]}`;
}

const HOW: Record<Written, string> = {
  plainly: "",
  disguised: " (letters that look alike, digits such as 0 for o, %-codes and hidden characters count as the letters they stand for)",
  misspelt: " (a misspelling of it counts too)",
};

/**
 * The field by which a withheld review's document is, or looks like, the
 * overview report (its kind, title, file name or address), with why.
 */
export function overviewReportOf(doc: Record<string, unknown>): { field: string; message: string } | undefined {
  if (doc.kind === "overview-report") return { field: "kind", message: `${WITHHELD_REASON} Remove this document, or change the review's status.` };
  for (const [field, label] of [
    ["title", "its title"],
    ["file", "its file name"],
    ["url", "its web address"],
  ] as const) {
    const found = overviewPhraseIn(doc[field]);
    if (!found) continue;
    return {
      field,
      message: `${WITHHELD_REASON} This document looks like the overview report: ${label} ${quote(doc[field])} ${readsAs(found)}. Remove it, or if it is another document, give it a title, file name and address that do not say ${SAY_NONE_OF}.`,
    };
  }
  return undefined;
}

/** Why a withheld review's PDF whose own title (saved inside the file) names the overview report cannot be published; undefined when it does not. */
export function withheldPdfTitleMessage(title: string | null): string | undefined {
  const found = overviewPhraseIn(title);
  if (!found || title === null) return undefined;
  return `${WITHHELD_REASON} This PDF looks like the overview report: the title saved inside the file, ${quote(title)}, ${readsAs(found)}. Remove it, or if it is another document, change the title in the document's properties (in Word: File, Info, Title) and save it as a PDF again.`;
}

/**
 * A review's folder `reviews/<id>/` must be a real folder inside `reviews/`:
 * a linked folder would publish files from anywhere. Undefined when it is
 * fine, or missing (each missing file is then reported on its own).
 */
export function linkedFolderMessage(id: string, ctx: DocumentContext): string | undefined {
  const folderLabel = `reviews/${id}/`;
  const folder = path.join(ctx.reviewsDir, id);
  let real: string;
  try {
    if (!lstatSync(folder).isSymbolicLink()) {
      real = realpathSync(folder);
      if (real === path.join(realpathSync(ctx.reviewsDir), id)) return undefined;
    }
  } catch {
    return undefined;
  }
  return `the folder ${folderLabel} is a link to another folder, so its files could come from outside reviews/. Make ${folderLabel} a real folder and copy the documents into it.`;
}

const lstatOf = (file: string): Stats | undefined => {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
};

/**
 * Check a document's `file`: a file of that name in the review's folder `reviews/<id>/`,
 * or else in the uploads folder `reviews/uploads/` (where the editor uploads), never
 * in both. A name with a path in it, a link out of its folder, or a missing file is a
 * problem, so nothing outside those folders can ever be published.
 */
export function checkFile(file: string, id: string, ctx: DocumentContext): { bytes?: number; uploaded?: true; message?: string } {
  const own = `reviews/${id}/`;
  const uploads = `reviews/${UPLOADS_FOLDER}/`;
  if (file.includes("/") || file.includes("\\") || file === "." || file === ".." || file.startsWith(".")) {
    return { message: `expected the name of a file inside ${own} or ${uploads} (no folders, no "..", not starting with "."), got ${quote(file)}.` };
  }
  if (!documentFormat(file)) {
    return {
      message: `${quote(file)} is not a kind of file this site publishes; expected a name ending .pdf, .docx, .doc, .odt, .rtf, .xlsx, .csv, .pptx, .txt or .md (published as a web page).`,
    };
  }
  if (/\.md$/i.test(file) && !SLUG.test(file.slice(0, -3))) {
    return {
      message: `${quote(file)} names a Markdown document, which is published at /reviews/${id}/<name>/: expected a name of lowercase letters and digits joined by hyphens, ending .md, e.g. "overview-report.md".`,
    };
  }
  const inOwn = lstatOf(path.join(ctx.reviewsDir, id, file));
  const inUploads = id === UPLOADS_FOLDER ? undefined : lstatOf(path.join(ctx.reviewsDir, UPLOADS_FOLDER, file));
  if (inOwn && inUploads) {
    return {
      message: `both ${own}${file} and ${uploads}${file} exist, so it is not clear which one to publish. Delete one of them (or give one another name, and this document that name if it is the one to publish).`,
    };
  }
  if (!inOwn && !inUploads) {
    return {
      message: `the file ${own}${file} does not exist, nor does ${uploads}${file}. Upload it in the editor (the document's File field), or put it in ${own}, or correct the name (names are case-sensitive).`,
    };
  }
  if (inOwn) return checkFound(file, id, inOwn, ctx);
  const linked = linkedFolderMessage(UPLOADS_FOLDER, ctx);
  if (linked) return { message: linked };
  const found = checkFound(file, UPLOADS_FOLDER, inUploads!, ctx);
  return found.message ? found : { ...found, uploaded: true };
}

/** A file found in `reviews/<folder>/` is a real, non-empty file there (a link only to another file in that folder). */
function checkFound(file: string, folder: string, found: Stats, ctx: DocumentContext): { bytes?: number; message?: string } {
  const folderLabel = `reviews/${folder}/`;
  const full = path.join(ctx.reviewsDir, folder, file);
  let stat = found;
  if (stat.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(full);
    } catch {
      return { message: `${folderLabel}${file} is a link to a file that does not exist.` };
    }
    if (path.dirname(target) !== path.join(realpathSync(ctx.reviewsDir), folder))
      return { message: `${folderLabel}${file} is a link to a file outside ${folderLabel}; copy the file into the folder instead.` };
    stat = lstatSync(target);
  }
  if (!stat.isFile()) return { message: `${folderLabel}${file} is not a file.` };
  if (stat.size === 0) return { message: `${folderLabel}${file} is empty (0 bytes).` };
  return { bytes: stat.size };
}
