import type { IsoDate } from "../model/dates.ts";
import { themeKey } from "../model/theme-key.ts";
import type { JsonIssue, JsonSource } from "./json-source.ts";
import { XML_UNSAFE } from "./json-issues.ts";
import { quote, type Problem } from "../model/problems.ts";
import { checkFile, isRecord, linkedFolderMessage, overviewReportOf, strayDocumentWarnings } from "./document-files.ts";
import { MAX_LENGTH, ONE_LINE, reviewSchema, reviewsFileSchema } from "./review-schema.ts";
import { fieldName, fieldsAllowed, problemsFromIssues } from "../model/schema-messages.ts";
import { RESERVED_IDS, SLUG, type Review, type ReviewDocument } from "../model/review.ts";

export interface ValidationContext {
  /** Area keys from `_data/site.json`. */
  areaKeys: readonly string[];
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

type Path = (string | number)[];

/** An id that can name a review and its folder: a slug, not too long. */
function isUsableId(id: unknown): id is string {
  return typeof id === "string" && id.length <= MAX_LENGTH.id && SLUG.test(id);
}

/** How a review is named in messages: by id when the id is usable, else by its place in the list. */
function reviewLabel(raw: unknown, index: number): string {
  const id = isRecord(raw) ? raw.id : undefined;
  if (isUsableId(id)) return `review "${id}"`;
  return `review ${index + 1} in the list${id === undefined ? " (it has no id)" : ` (its id is ${quote(id)})`}`;
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
    const top = reviewsFileSchema(ctx.areaKeys).safeParse(source.value);
    errors.push({ file, line: 1, message: top.success ? "expected a list of reviews." : top.error.issues[0]!.message });
    return { reviews, errors, warnings };
  }

  const schema = reviewSchema(ctx.areaKeys);
  const allowed = fieldsAllowed(schema);
  const firstById = new Map<string, number>();
  const themeBySlug = new Map<string, { theme: string; review: string }>();

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

    // Checks that need more than one field, run on the raw object so that they are reported even when other fields are wrong.
    const { id, status, published, documents } = raw;
    const fileBytes = new Map<number, number>();
    if (published === undefined && typeof status === "string" && status !== "delayed") {
      add(["published"], `this field is missing; expected the publication date written YYYY-MM-DD. Only a review with status "delayed" may have no date yet.`);
    }
    if (typeof id === "string" && (RESERVED_IDS as readonly string[]).includes(id)) {
      add(["id"], `"${id}" cannot be a review's id: /reviews/${id}/ is where the site lists reviews by ${id}. Choose another id, e.g. "child-${id}".`);
    }
    if (Array.isArray(raw.themes)) {
      raw.themes.forEach((theme: unknown, t: number) => {
        if (typeof theme !== "string" || !/\S/.test(theme) || theme.length > MAX_LENGTH.theme) return;
        const slug = themeKey(theme);
        if (!slug) {
          add(["themes", t], `the theme ${quote(theme)} has no letters or digits, so it cannot have a page; expected words such as "neglect".`);
          return;
        }
        const first = themeBySlug.get(slug);
        if (first && first.theme !== theme) {
          add(
            ["themes", t],
            `the theme ${quote(theme)} and the theme ${quote(first.theme)} (${first.review}) would share the address /reviews/theme/${slug}/; spell them the same way.`,
          );
        } else if (!first) themeBySlug.set(slug, { theme, review });
      });
    }
    if (typeof id === "string" && SLUG.test(id)) {
      const first = firstById.get(id);
      if (first !== undefined) {
        const firstLine = source.lineOf([first]);
        add(
          ["id"],
          `the id "${id}" is already used by review ${first + 1} in the list${firstLine ? ` (line ${firstLine})` : ""}; every review needs its own id.`,
        );
      } else firstById.set(id, index);
    }
    const hasFiles = Array.isArray(documents) && documents.some((doc: unknown) => isRecord(doc) && doc.file !== undefined);
    const files = ctx.reviewsDir === null ? undefined : { ...ctx, reviewsDir: ctx.reviewsDir };
    const linkedFolder = files && hasFiles && isUsableId(id) ? linkedFolderMessage(id, files) : undefined;
    if (linkedFolder) add(["documents"], linkedFolder);
    if (Array.isArray(documents)) {
      documents.forEach((doc: unknown, d: number) => {
        if (!isRecord(doc)) return;
        const overview = status === "withheld" ? overviewReportOf(doc) : undefined;
        if (overview) add(["documents", d, overview.field], overview.message);
        const hasFile = doc.file !== undefined;
        const hasUrl = doc.url !== undefined;
        if (hasFile === hasUrl) {
          add(["documents", d], hasFile ? 'give "file" or "url", not both.' : 'this document has neither "file" nor "url"; expected one of them.');
        }
        // A file name already refused for what is in it is not looked for on disk.
        const plainFile =
          typeof doc.file === "string" && /\S/.test(doc.file) && doc.file.length <= MAX_LENGTH.file && ONE_LINE.test(doc.file) && !XML_UNSAFE.test(doc.file);
        if (files && plainFile && !linkedFolder && typeof doc.file === "string" && isUsableId(id)) {
          const checked = checkFile(doc.file, id, files);
          if (checked.message) add(["documents", d, "file"], checked.message);
          else fileBytes.set(d, checked.bytes!);
        }
      });
    }

    if (problems.length > 0 || !parsed.success) {
      errors.push(...problems);
      return;
    }
    const data = parsed.data;
    if (data.published && data.published > ctx.buildDate) {
      warnings.push({
        file,
        review,
        field: "published",
        line: source.lineOf([index, "published"]),
        message: `the publication date ${data.published} is after the build date ${ctx.buildDate}; the review will not be listed until that date.`,
      });
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
        return { kind: doc.kind, title: doc.title, file: doc.file!, bytes: fileBytes.get(d)! };
      }),
    });
  });

  if (ctx.reviewsDir !== null) warnings.push(...strayDocumentWarnings(source.value, { ...ctx, reviewsDir: ctx.reviewsDir }));
  return { reviews, errors, warnings };
}
