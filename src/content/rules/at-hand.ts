import type { IsoDate } from "../../model/dates.ts";
import { SLUG } from "../../model/review.ts";
import { isRecord, linkedFolderMessage } from "../document-files.ts";
import { quote } from "../../model/problems.ts";
import { MAX_LENGTH } from "../review-schema.ts";

/**
 * What a cross-field rule is given and what it gives back. Rules are run on the
 * review as written (not the parsed one), so that they are reported even when
 * other fields are wrong; each looks only at the fields it needs.
 */

/** A place in a review, e.g. `["documents", 1, "file"]`. */
export type Path = (string | number)[];

/** A problem a rule found: where in the review (or in the theme or document it was given), and what is wrong. */
export interface Finding {
  field: Path;
  message: string;
}

/** What is noted across reviews so that a later one can be compared with an earlier one. */
export interface Seen {
  /** Each id's first review, by its place in the list. */
  ids: Map<string, number>;
  /** Each theme address's first spelling, and the review it is in. */
  themes: Map<string, { theme: string; review: string }>;
}

/** The review's folder `reviews/<id>/` (and beside it `reviews/uploads/`), where there is one to look in and a document names a file. */
export interface Folder {
  reviewsDir: string;
  id: string;
  /** Why the folder cannot be used (it is a link), or undefined when it is fine or missing. */
  linked: string | undefined;
}

/** One review as the rules see it. */
export interface ReviewAtHand {
  /** The review as written in the file. */
  raw: Record<string, unknown>;
  /** Its place in the list, from 0. */
  index: number;
  /** How messages name it: `review "child-a"`, or `review 4 in the list, id "Child D"`. */
  label: string;
  /** The line where a place in the file is (`[index, "published"]`), when known. */
  lineOf: (path: Path) => number | undefined;
  seen: Seen;
  folder: Folder | undefined;
  /** Bytes of each document's file found in its folder, by document; filled in by the file rule, kept for the review. */
  sizes: Map<number, number>;
  /** The documents whose file was found in `reviews/uploads/` rather than the review's folder, by place; filled in with `sizes`. */
  uploaded: Set<number>;
}

export function newSeen(): Seen {
  return { ids: new Map(), themes: new Map() };
}

/** An id that can name a review and its folder: a slug, not too long. */
export function isUsableId(id: unknown): id is string {
  return typeof id === "string" && id.length <= MAX_LENGTH.id && SLUG.test(id);
}

/** How a review is named in messages: by id when the id is usable, else by its place in the list. */
export function reviewLabel(raw: unknown, index: number): string {
  const id = isRecord(raw) ? raw.id : undefined;
  if (isUsableId(id)) return `review "${id}"`;
  // No brackets: the label is itself put in brackets by some messages ("(review 4 in the list, id "Child Z")").
  return `review ${index + 1} in the list${id === undefined ? ", which has no id" : `, id ${quote(id)}`}`;
}

/** The folder of a review with a usable id and a document that names a file; undefined where there is no folder to look in (the editor). */
export function folderOf(raw: Record<string, unknown>, reviewsDir: string | null): Folder | undefined {
  const { id, documents } = raw;
  const hasFiles = Array.isArray(documents) && documents.some((doc: unknown) => isRecord(doc) && doc.file !== undefined);
  if (reviewsDir === null || !hasFiles || !isUsableId(id)) return undefined;
  return { reviewsDir, id, linked: linkedFolderMessage(id, { reviewsDir }) };
}

/** What the rules need to know of a review, with what has been seen in the reviews before it. */
export function reviewAtHand(
  raw: Record<string, unknown>,
  index: number,
  run: { lineOf: (path: Path) => number | undefined; seen: Seen; reviewsDir: string | null },
): ReviewAtHand {
  return {
    raw,
    index,
    label: reviewLabel(raw, index),
    lineOf: run.lineOf,
    seen: run.seen,
    folder: folderOf(raw, run.reviewsDir),
    sizes: new Map(),
    uploaded: new Set(),
  };
}

/** The date the build is for, which the warning rules compare with. */
export interface WarningContext {
  buildDate: IsoDate;
}
