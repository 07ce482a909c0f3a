/**
 * Sveltia CMS saves every review of the file as its form holds it: a summary's
 * leading and trailing spaces trimmed, empty fields ("" or []) dropped, fields
 * in the form's order. For a review nobody changed, that would rewrite it in the
 * commit (and change its summary's text), so the editor keeps such a review as
 * the file had it: a save changes only what the maintainer changed.
 */
import { isRecord } from "../content/document-files.ts";

/** A value as the form would hold it: strings trimmed, empty strings, lists and absent values dropped, fields sorted. */
function asTheFormHoldsIt(value: unknown): unknown {
  if (typeof value === "string") return value.trim();
  if (Array.isArray(value)) return value.map(asTheFormHoldsIt);
  if (!isRecord(value)) return value;
  const entries = Object.keys(value)
    .sort()
    .map((key) => [key, asTheFormHoldsIt(value[key])] as const)
    .filter(([, v]) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0));
  return Object.fromEntries(entries);
}

const same = (a: unknown, b: unknown) => JSON.stringify(asTheFormHoldsIt(a)) === JSON.stringify(asTheFormHoldsIt(b));

/**
 * The saved list, each review that differs from the file's own (the review with
 * the same id) only as the form would hold it replaced by the file's own.
 */
export function keepUntouched(saved: unknown, original: unknown): unknown {
  if (!Array.isArray(saved) || !Array.isArray(original)) return saved;
  const byId = new Map<unknown, unknown>();
  for (const review of original) if (isRecord(review) && !byId.has(review.id)) byId.set(review.id, review);
  return saved.map((review) => {
    if (!isRecord(review)) return review;
    const before = byId.get(review.id);
    return before !== undefined && same(review, before) ? before : review;
  });
}
