import { readFileSync } from "node:fs";
import type { z } from "zod";
import { formatProblem, type Problem } from "../model/problems.ts";
import { fieldName, fieldsAllowed, problemsFromIssues } from "../model/schema-messages.ts";
import type { SiteSettings } from "../model/site-settings.ts";
import type { CitationView } from "./citation.ts";
import { TEMPLATE_SITE_FIELDS, templateDataSchema } from "./template-data-schema.ts";
import type { Catalogue, FilterPageView, FinderPageView, InaccessibleDocument, ReviewView } from "./views.ts";

/**
 * What templates read of the catalogue, and nothing else: the build makes the catalogue once, in its
 * own process, and hands this to Eleventy's process in a file (`TEMPLATE_DATA_FILE`). Left out: the
 * PDFs' text and the search records (the build makes the search index itself), the document files to
 * copy, the warnings, the reviews not yet published, the parts of site.json that the views word, and each
 * review's RIS record (the build writes the RIS files itself, src/eleventy/citation-files.ts: 5.4 MB of
 * the file at 10,000 reviews).
 */
export type TemplateData = Omit<Pick<Catalogue, (typeof TEMPLATE_KEYS)[number]>, "listed" | "finderPages" | "filterPages"> & {
  site: TemplateSite;
  listed: TemplateReview[];
  finderPages: WithItems<FinderPageView, TemplateReview>[];
  filterPages: WithItems<FilterPageView, TemplateReview>[];
};
/** A review's view as templates read it: without its RIS record. */
export type TemplateReview = Omit<ReviewView, "citation"> & { citation: Omit<CitationView, "ris"> };
type WithItems<Page, T> = Omit<Page, "items"> & { items: T[] };
export type TemplateSite = Pick<SiteSettings, keyof typeof TEMPLATE_SITE_FIELDS>;

const TEMPLATE_KEYS = [
  "buildDate",
  "buildDateText",
  "retentionText",
  "finderPages",
  "finderPageSize",
  "listed",
  "filterPages",
  "facetGroups",
  "feed",
  "removed",
  "htmlVersions",
  "contact",
  "support",
  "accessibility",
  "finder",
] as const satisfies readonly (keyof Catalogue)[];

/** The hand-over file's name, in the build's `input/` folder; deleted once Eleventy has run. */
export const TEMPLATE_DATA_FILE = "eleventy-data.json";

/** The environment variable that names the hand-over file for Eleventy's process. */
export const TEMPLATE_DATA_ENV = "LEARNING_REVIEWS_TEMPLATE_DATA";

/** A review without its RIS record. */
function templateReview({ citation, ...review }: ReviewView): TemplateReview {
  const { description, meta, jsonLd, text, risUrl } = citation;
  return { ...review, citation: { description, meta, jsonLd, text, risUrl } };
}

/** The part of a catalogue that templates read: the same objects, not copies, but for the reviews (each once, without its RIS record). */
export function templateData(catalogue: Catalogue): TemplateData {
  const site = Object.fromEntries(Object.keys(TEMPLATE_SITE_FIELDS).map((key) => [key, catalogue.site[key as keyof TemplateSite]])) as TemplateSite;
  // A key the catalogue leaves out (`finder`, on a partnership's site) stays out.
  const entries = TEMPLATE_KEYS.flatMap((key) => (catalogue[key] === undefined ? [] : [[key, catalogue[key]]]));
  const same = Object.fromEntries(entries) as Pick<Catalogue, (typeof TEMPLATE_KEYS)[number]>;
  const reviews = new Map(catalogue.listed.map((review) => [review, templateReview(review)]));
  const listedOnes = (items: readonly ReviewView[]) =>
    items.map((item) => {
      const review = reviews.get(item);
      if (!review) throw new Error("A page of the catalogue lists a review that is not in its list (a fault in src/catalogue).");
      return review;
    });
  return {
    ...same,
    site,
    listed: [...reviews.values()],
    finderPages: catalogue.finderPages.map((page) => ({ ...page, items: listedOnes(page.items) })),
    filterPages: catalogue.filterPages.map((page) => ({ ...page, items: listedOnes(page.items) })),
  };
}

type Wire = z.input<typeof templateDataSchema>;

/** Each item's position in `pool`: the pages list the same review objects as `listed`, written once each. */
function positionsIn<T extends object>(pool: readonly T[]): (items: readonly T[]) => number[] {
  const at = new Map(pool.map((item, i) => [item, i]));
  return (items) =>
    items.map((item) => {
      const i = at.get(item);
      if (i === undefined) throw new Error("A page of the catalogue lists an item that is not in its list (a fault in src/catalogue).");
      return i;
    });
}

/** The hand-over file's text: JSON, each review once, dates as instants. */
export function serialiseTemplateData(data: TemplateData): string {
  const reviews = positionsIn(data.listed);
  const documents = positionsIn(data.accessibility.documents);
  const wire: Wire = {
    ...data,
    finderPages: data.finderPages.map((page) => ({ ...page, items: reviews(page.items) })),
    filterPages: data.filterPages.map((page) => ({ ...page, items: reviews(page.items) })),
    feed: { updated: data.feed.updated.toISOString(), entries: data.feed.entries.map((entry) => ({ ...entry, date: entry.date.toISOString() })) },
    accessibility: { ...data.accessibility, documentPages: data.accessibility.documentPages.map((page) => ({ ...page, items: documents(page.items) })) },
  };
  return `${JSON.stringify(wire)}\n`;
}

/** Problems a message lists at most: a file wrong throughout would otherwise flood the log. */
const LISTED_PROBLEMS = 10;

/** A hand-over file that is not as this version of the code writes it. */
export class TemplateDataError extends Error {
  constructor(file: string, problems: readonly Problem[]) {
    const shown = problems.slice(0, LISTED_PROBLEMS).map((problem, i) => `  ${i + 1}. ${formatProblem(problem)}`);
    const heading = `${problems.length} ${problems.length === 1 ? "problem" : "problems"}${problems.length > shown.length ? `, the first ${shown.length}` : ""}:`;
    super(
      `Eleventy could not read ${file}, the file in which the build hands it the catalogue for the templates: it is not as this version of the code writes it, so no page was made from it. This is a fault in the build, not in the data: build again, and if it happens again, tell the site's developers.\n${heading}\n${shown.join("\n")}`,
    );
    this.name = "TemplateDataError";
  }
}

/** The items at `positions` of `pool`; a position outside it is a problem at `field`. */
function itemsAt<T>(pool: readonly T[], positions: readonly number[], path: (string | number)[], problems: Problem[], file: string): T[] {
  return positions.flatMap((p, i) => {
    if (p < pool.length) return [pool[p]!];
    problems.push({
      file,
      field: fieldName([...path, i]),
      message: `expected the position of an item of ${String(path[0])}'s list (0 to ${pool.length - 1}), got ${p}.`,
    });
    return [];
  });
}

/** The hand-over file's text, checked against the schema, with each page's items the reviews (and documents) it names. Throws a TemplateDataError naming the file and each wrong field. */
export function parseTemplateData(text: string, file: string): TemplateData {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TemplateDataError(file, [{ file, message: `it is not JSON (${(error as Error).message}).` }]);
  }
  const parsed = templateDataSchema.safeParse(value);
  if (!parsed.success) throw new TemplateDataError(file, problemsFromIssues(parsed.error.issues, { file }, [], fieldsAllowed(templateDataSchema)));
  const wire = parsed.data;
  const problems: Problem[] = [];
  const { documents } = wire.accessibility;
  const data: TemplateData = {
    ...wire,
    finderPages: wire.finderPages.map((page, n) => ({ ...page, items: itemsAt(wire.listed, page.items, ["finderPages", n, "items"], problems, file) })),
    filterPages: wire.filterPages.map((page, n) => ({ ...page, items: itemsAt(wire.listed, page.items, ["filterPages", n, "items"], problems, file) })),
    accessibility: {
      ...wire.accessibility,
      documentPages: wire.accessibility.documentPages.map((page, n) => ({
        ...page,
        items: itemsAt(documents, page.items, ["accessibility", "documentPages", n, "items"], problems, file),
      })),
    },
  };
  if (problems.length) throw new TemplateDataError(file, problems);
  return data;
}

export function readTemplateDataFile(file: string): TemplateData {
  return parseTemplateData(readFileSync(file, "utf8"), file);
}

/** The schema's output, with the pages' positions replaced by their items, is exactly `TemplateData`: tsc fails here if the schema and the views' types part. */
type Parsed = z.output<typeof templateDataSchema>;
type Resolved = Omit<Parsed, "finderPages" | "filterPages" | "accessibility"> & {
  finderPages: (Omit<Parsed["finderPages"][number], "items"> & { items: TemplateReview[] })[];
  filterPages: (Omit<Parsed["filterPages"][number], "items"> & { items: TemplateReview[] })[];
  accessibility: Omit<Parsed["accessibility"], "documentPages"> & {
    documentPages: (Omit<Parsed["accessibility"]["documentPages"][number], "items"> & { items: InaccessibleDocument[] })[];
  };
};
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMA_MATCHES_VIEWS: Same<Resolved, TemplateData> = true;
