import { XML_UNSAFE } from "../json-issues.ts";
import { checkFile, overviewReportOf } from "../document-files.ts";
import { MAX_LENGTH, ONE_LINE } from "../review-schema.ts";
import type { Finding, ReviewAtHand } from "./at-hand.ts";

/** Rules on each of a review's documents that is an object (the schema reports the rest). */

/** A withheld review has no overview report: not by its kind, nor by what its title, file name or address read as. */
export function noOverviewReportWhenWithheld(doc: Record<string, unknown>, _d: number, { raw }: ReviewAtHand): Finding[] {
  const overview = raw.status === "withheld" ? overviewReportOf(doc) : undefined;
  return overview ? [{ field: [overview.field], message: overview.message }] : [];
}

/** A document has a file or a web address, not both. */
export function fileOrUrl(doc: Record<string, unknown>): Finding[] {
  const hasFile = doc.file !== undefined;
  if (hasFile !== (doc.url !== undefined)) return [];
  return [{ field: [], message: hasFile ? 'give "file" or "url", not both.' : 'this document has neither "file" nor "url"; expected one of them.' }];
}

/** A name the schema accepts for what is in it; any other is not looked for on disk. */
function isPlainFileName(file: unknown): file is string {
  return typeof file === "string" && /\S/.test(file) && file.length <= MAX_LENGTH.file && ONE_LINE.test(file) && !XML_UNSAFE.test(file);
}

/**
 * A document's file is a real, non-empty file of a kind the site publishes, in the
 * review's folder or the uploads folder, not both (and not a link out of either). Looked for only where there is a folder
 * to look in and it is not itself a link; its size is kept for the review.
 */
export function fileInFolder(doc: Record<string, unknown>, d: number, { folder, sizes, uploaded }: ReviewAtHand): Finding[] {
  if (!folder || folder.linked || !isPlainFileName(doc.file)) return [];
  const checked = checkFile(doc.file, folder.id, folder);
  if (checked.message) return [{ field: ["file"], message: checked.message }];
  sizes.set(d, checked.bytes!);
  if (checked.uploaded) uploaded.add(d);
  return [];
}
