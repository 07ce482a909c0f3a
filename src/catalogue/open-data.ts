import { stringify } from "csv-stringify/sync";
import { absoluteUrl } from "./addresses.ts";
import type { TemplateData } from "./template-data.ts";

/** One listed review's public fields, as published at `/reviews.csv` (`/reviews.json` is the review feed: review-feed.ts). */
export interface OpenDataRecord {
  id: string;
  title: string;
  type: string;
  area: string;
  areaName: string;
  status: string;
  /** `*`, `**`, or empty. */
  footnoteCode: string;
  /** `YYYY-MM-DD`, or null for a delayed review with no date yet. */
  published: string | null;
  themes: string[];
  pageUrl: string;
  documentUrls: string[];
  /** In a finder: the partnership's name (its own CSV has the column; a partnership's has not). */
  partnership?: string;
}

/** The listed reviews' public fields, newest first: removed and scheduled reviews never appear. */
export function openDataRecords(catalogue: TemplateData): OpenDataRecord[] {
  const site = catalogue.site.url;
  return catalogue.listed.map((review) => ({
    id: review.id,
    title: review.title,
    type: review.type,
    area: review.area,
    areaName: review.areaLabel,
    status: review.status,
    footnoteCode: review.footnote?.code ?? "",
    published: review.published,
    themes: review.themes,
    pageUrl: absoluteUrl(site, review.url),
    documentUrls: review.documents.map((doc) => (doc.external ? doc.href : absoluteUrl(site, doc.href))),
    ...(review.source ? { partnership: review.source.name, area: review.source.area, areaName: review.source.areaName } : {}),
  }));
}

/** The CSV columns, in order, with how each is written from a record. */
export const CSV_COLUMNS: [string, (record: OpenDataRecord) => string][] = [
  ["id", (r) => r.id],
  ["title", (r) => r.title],
  ["type", (r) => r.type],
  ["area", (r) => r.area],
  ["area_name", (r) => r.areaName],
  ["status", (r) => r.status],
  ["footnote_code", (r) => r.footnoteCode],
  ["published", (r) => r.published ?? ""],
  ["themes", (r) => r.themes.join("; ")],
  ["page_url", (r) => r.pageUrl],
  ["document_urls", (r) => r.documentUrls.join(" ")],
];

/** A cell a spreadsheet would run as a formula: one starting `=`, `+`, `-`, `@`, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell that a spreadsheet shows as text, never runs: a formula-like cell gets a
 * leading single quote, as OWASP advises against CSV injection. For the CSV only;
 * the JSON keeps the values as they are.
 */
export function spreadsheetSafe(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * `/reviews.csv`: one row a listed review, RFC 4180 quoting. Every field holding
 * a line feed or carriage return is quoted (csv-stringify by itself quotes only
 * the whole record delimiter), and every neutralised cell too, as OWASP advises.
 */
export function openDataCsv(catalogue: TemplateData): string {
  return recordsCsv(openDataRecords(catalogue), catalogue.finder ? FINDER_CSV_COLUMNS : CSV_COLUMNS);
}

/** A finder's columns: the partnership's name first, then a partnership's own. */
export const FINDER_CSV_COLUMNS: typeof CSV_COLUMNS = [["partnership", (r) => r.partnership ?? ""], ...CSV_COLUMNS];

/** The CSV of some records. */
export function recordsCsv(records: readonly OpenDataRecord[], columns = CSV_COLUMNS): string {
  const rows = records.map((record) => columns.map(([, value]) => spreadsheetSafe(value(record))));
  return stringify([columns.map(([name]) => name), ...rows], { record_delimiter: "\r\n", quoted_match: [/[\r\n]/, /^'[=+\-@\t\r]/] });
}
