import { readFile } from "node:fs/promises";
import * as z from "zod";
import type { BuildInput } from "./build-input.ts";
import { isoDateSchema } from "../model/dates.ts";
import { PlainError } from "../model/failures.ts";
import type { FileDocument, MarkdownFacts, PdfFacts, Review } from "../model/review.ts";
import { isRecord, withheldPdfTitleMessage } from "./document-files.ts";
import type { JsonSource } from "./json-source.ts";
import { formatProblems, type Problem } from "../model/problems.ts";
import { fieldsAllowed, problemsFromIssues } from "../model/schema-messages.ts";
import { siteSchema } from "../model/site-settings.ts";
import { validateReviews } from "./validate.ts";

/**
 * A kept build input (`input/build-input.json` in a build folder), checked as
 * any input is before a failed night or a rollback rebuilds from it: it was
 * written by the code of its day, and an upgrade since may have changed what is
 * valid. The settings and the reviews go through the same schemas and checks as
 * `_data/` (bar looking for document files: they are read from the build's own
 * copy); what the build read from the documents is checked against its type,
 * and a withheld review's PDF by its own title, as every build checks it.
 */

const pdfFacts = z.strictObject({
  format: z.literal("pdf"),
  pages: z.number().int().nonnegative(),
  title: z.string().nullable(),
  language: z.string().nullable(),
  tagged: z.boolean(),
  hasText: z.boolean(),
  text: z.string(),
}) satisfies z.ZodType<PdfFacts>;
const markdownFacts = z.strictObject({ format: z.literal("markdown"), source: z.string() }) satisfies z.ZodType<MarkdownFacts>;
/** What a kept file document carries beside the fields of `_data/reviews.json`. */
const keptFile = z.object({ bytes: z.number().int().nonnegative(), facts: z.union([pdfFacts, markdownFacts]).optional() });

const problemSchema = z.strictObject({
  file: z.string(),
  review: z.string().optional(),
  field: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  message: z.string(),
}) satisfies z.ZodType<Problem>;

const keptSchema = z.strictObject({
  buildDate: isoDateSchema(),
  contentRoot: z.string(),
  site: z.unknown(),
  reviews: z.array(z.unknown()),
  warnings: z.array(problemSchema),
  // What the accessibility statement said of the kept build's own check: never carried into a rebuild, which is not checked again.
  accessibilityChecks: z.unknown().optional(),
});

type Kept = { input: BuildInput; problems: [] } | { input?: undefined; problems: Problem[] };

/**
 * What the build adds to a document: its size, what it read from it, and whether it came from `reviews/uploads/`.
 * The last is not carried into a rebuild, which reads every document from the kept build's own copy, where it was
 * published: `reviews/<id>/<file>`.
 */
const ADDED_BY_BUILD = new Set(["bytes", "facts", "uploaded"]);

/** The review as `_data/reviews.json` would give it: its documents without what the build added. */
function asWritten(review: unknown): unknown {
  if (!isRecord(review) || !Array.isArray(review.documents)) return review;
  return {
    ...review,
    documents: review.documents.map((doc) => (isRecord(doc) ? Object.fromEntries(Object.entries(doc).filter(([key]) => !ADDED_BY_BUILD.has(key))) : doc)),
  };
}

/** Check a kept input read from `file`; every problem found, or the input as the build uses it. */
export function checkKeptInput(value: unknown, file: string): Kept {
  const top = keptSchema.safeParse(value);
  if (!top.success) return { problems: problemsFromIssues(top.error.issues, { file }, [], fieldsAllowed(keptSchema)) };
  const kept = top.data;
  const site = siteSchema.safeParse(kept.site);
  if (!site.success) {
    const problems = problemsFromIssues(site.error.issues, { file }, [], fieldsAllowed(siteSchema));
    return { problems: problems.map((problem) => ({ ...problem, field: problem.field ? `site.${problem.field}` : "site" })) };
  }
  const source: JsonSource = { file, value: kept.reviews.map(asWritten), lineOf: () => undefined, issues: [] };
  const checked = validateReviews(source, { areaKeys: Object.keys(site.data.areas), reviewsDir: null, buildDate: kept.buildDate });
  const problems = [...checked.errors];
  const raw = new Map(kept.reviews.filter(isRecord).map((review) => [review.id, review]));
  const reviews: Review[] = checked.reviews.map((review) => {
    const documents = (raw.get(review.id)?.documents ?? []) as unknown[];
    return {
      ...review,
      documents: review.documents.map((doc, d) => {
        if (!("file" in doc)) return doc;
        const extra = keptFile.safeParse(documents[d]);
        if (!extra.success) {
          const message = `what the build read from ${doc.file} is missing or not as this version expects (${extra.error.issues[0]!.message}).`;
          problems.push({ file, review: `review "${review.id}"`, field: `documents[${d + 1}]`, message });
          return doc;
        }
        // The withheld rule by the PDF's own title, as every build applies it: the kept build may predate the rule.
        const overview = review.status === "withheld" && extra.data.facts?.format === "pdf" ? withheldPdfTitleMessage(extra.data.facts.title) : undefined;
        if (overview) problems.push({ file, review: `review "${review.id}"`, field: `documents[${d + 1}].file`, message: overview });
        return { ...doc, bytes: extra.data.bytes, ...(extra.data.facts ? { facts: extra.data.facts } : {}) } satisfies FileDocument;
      }),
    };
  });
  if (problems.length) return { problems };
  return { input: { buildDate: kept.buildDate, contentRoot: kept.contentRoot, site: site.data, reviews, warnings: kept.warnings }, problems: [] };
}

/** A kept input that cannot be used: unreadable, or not valid for this version of the code. */
export class KeptInputError extends PlainError {
  constructor(message: string) {
    super(message);
    this.name = "KeptInputError";
  }
}

/**
 * The data kept in `file`, checked as any input is; `what` names the build in the message ("the live build").
 * Throws a KeptInputError saying in plain words why it cannot be used.
 */
export async function readKeptInput(file: string, what: string): Promise<BuildInput> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new KeptInputError(`the data kept with ${what} (${file}) could not be read (${(error as Error).message}), so it cannot be rebuilt.`);
  }
  const checked = checkKeptInput(value, file);
  if (checked.input) return checked.input;
  throw new KeptInputError(
    `the data kept with ${what} (${file}) is not valid for this version of the site's code (it was made by an older version, or changed since), so it was not rebuilt. ${formatProblems(checked.problems, "error")}`,
  );
}
