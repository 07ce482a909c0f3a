import type { IsoDate } from "../model/dates.ts";
import type { JsonIssue, JsonSource } from "./json-source.ts";
import type { Problem } from "../model/problems.ts";
import { isRecord } from "./document-files.ts";
import { strayDocumentWarnings } from "./stray-documents.ts";
import { reviewSchema, reviewsFileSchema } from "./review-schema.ts";
import { fieldName, fieldsAllowed, problemsFromIssues } from "../model/schema-messages.ts";
import type { Review, ReviewDocument } from "../model/review.ts";
import { newSeen, reviewAtHand, reviewLabel, type Path } from "./rules/at-hand.ts";
import { REVIEW_WARNINGS, reviewFindings } from "./rules/index.ts";

export interface ValidationContext {
  /** Area keys from `_data/site.json`. */
  areaKeys: readonly string[];
  /** Area names by key, so that an area given by its name gets "did you mean" its key. */
  areaNames?: Readonly<Record<string, string>>;
  /**
   * The folder that holds `reviews/<id>/` document folders; `null` where there is
   * none to look in (the editor in a browser), and then no file is looked for.
   */
  reviewsDir: string | null;
  buildDate: IsoDate;
}

export interface ValidationResult {
  /** The reviews with no problems, in file order. */
  reviews: Review[];
  errors: Problem[];
  warnings: Problem[];
}

/**
 * Check every review in `_data/reviews.json` and list every problem at once.
 * The same code serves the build, `npm run validate` and the nightly job.
 */
export function validateReviews(source: JsonSource, ctx: ValidationContext): ValidationResult {
  const file = source.file;
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const reviews: Review[] = [];
  // Problems in the JSON text itself, by the review they are in.
  const issuesByIndex = new Map<number, JsonIssue[]>();
  for (const issue of source.issues) {
    const [index] = issue.path;
    if (Array.isArray(source.value) && typeof index === "number") issuesByIndex.set(index, [...(issuesByIndex.get(index) ?? []), issue]);
    else errors.push({ file, field: issue.path.length ? fieldName(issue.path) : undefined, line: issue.line, message: issue.message });
  }
  if (!Array.isArray(source.value)) {
    const top = reviewsFileSchema(ctx.areaKeys, ctx.areaNames).safeParse(source.value);
    errors.push({ file, line: 1, message: top.success ? "expected a list of reviews." : top.error.issues[0]!.message });
    return { reviews, errors, warnings };
  }

  const schema = reviewSchema(ctx.areaKeys, ctx.areaNames);
  const allowed = fieldsAllowed(schema);
  const seen = newSeen();

  source.value.forEach((raw: unknown, index: number) => {
    const review = reviewLabel(raw, index);
    const problems: Problem[] = [];
    const add = (fieldPath: Path, message: string, line = source.lineOf([index, ...fieldPath])) =>
      problems.push({ file, review, field: fieldPath.length ? fieldName(fieldPath) : undefined, line, message });
    for (const issue of issuesByIndex.get(index) ?? []) add(issue.path.slice(1), issue.message, issue.line);

    const parsed = schema.safeParse(raw);
    if (!parsed.success) problems.push(...problemsFromIssues(parsed.error.issues, { file, review }, [index], allowed, source.lineOf));
    if (!isRecord(raw)) {
      errors.push(...problems);
      return;
    }

    // The rules that need more than one field (rules/index.ts), run on the review as written so that they are reported even when other fields are wrong.
    const atHand = reviewAtHand(raw, index, { lineOf: source.lineOf, seen, reviewsDir: ctx.reviewsDir });
    for (const finding of reviewFindings(atHand)) add(finding.field, finding.message);

    if (problems.length > 0 || !parsed.success) {
      errors.push(...problems);
      return;
    }
    const data = parsed.data;
    for (const warn of REVIEW_WARNINGS) {
      for (const { field, message } of warn(data, ctx))
        warnings.push({ file, review, field: fieldName(field), line: source.lineOf([index, ...field]), message });
    }
    reviews.push({
      id: data.id,
      title: data.title,
      type: data.type,
      area: data.area,
      status: data.status,
      ...(data.published ? { published: data.published } : {}),
      ...(data.summary !== undefined ? { summary: data.summary } : {}),
      themes: data.themes ?? [],
      documents: (data.documents ?? []).map((doc, d): ReviewDocument => {
        if (doc.url !== undefined) return { kind: doc.kind, title: doc.title, url: doc.url };
        return { kind: doc.kind, title: doc.title, file: doc.file!, bytes: atHand.sizes.get(d)!, ...(atHand.uploaded.has(d) ? { uploaded: true } : {}) };
      }),
    });
  });

  if (ctx.reviewsDir !== null) warnings.push(...strayDocumentWarnings(source.value, { ...ctx, reviewsDir: ctx.reviewsDir }));
  return { reviews, errors, warnings };
}
