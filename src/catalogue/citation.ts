import MarkdownIt from "markdown-it";
import { readableDate, yearOf, type IsoDate } from "../model/dates.ts";
import { documentFormat } from "../model/document-formats.ts";
import type { SiteSettings } from "../model/site-settings.ts";
import { absoluteUrl } from "./addresses.ts";
import type { ReviewView } from "./views.ts";

/**
 * What makes a review's page worth sharing and citing: its own description,
 * the citation tags Google Scholar and Zotero read, schema.org JSON-LD, a plain
 * citation in the Harvard style (Cite Them Right) and a RIS record. Only listed
 * reviews have one: a removal notice carries none of it.
 *
 * A delayed review is never said to be published, and gives no publication date
 * nor PDF; a withheld or delayed review names no overview report's PDF.
 */
export interface CitationView {
  /** The page's description: type, area, date and the summary's first sentence. */
  description: string;
  /** Highwire Press `citation_*` tags, in order. */
  meta: { name: string; content: string }[];
  /** schema.org `Report` as JSON, safe to put inside a `<script>` element as it is. */
  jsonLd: string;
  /** A plain citation a researcher can copy. */
  text: string;
  /** The RIS file's site address: `/reviews/<id>/citation.ris`. */
  risUrl: string;
  /** The RIS file's text (CRLF line ends). */
  ris: string;
}

const plain = new MarkdownIt({ html: false, linkify: false, typographer: true });

/** A summary's words without its Markdown: link texts kept, line breaks as spaces. */
export function plainText(markdown: string): string {
  const words: string[] = [];
  for (const block of plain.parse(markdown, {})) {
    if (block.type !== "inline") continue;
    const text = (block.children ?? [])
      .map((token) => (token.type === "text" || token.type === "code_inline" ? token.content : token.type.endsWith("break") ? " " : ""))
      .join("");
    words.push(text);
  }
  return oneLine(words.join(" "));
}

/** Line breaks of every kind, and other control characters, as one space. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, " ").trim();
}

const MAX_SENTENCE = 200;

/** The first sentence of a plain text, cut at a word (with "…") when it runs past 200 characters. */
export function firstSentence(text: string): string {
  const sentence = /^.*?[.!?…](?=["”’)]*(\s|$))["”’)]*/.exec(text)?.[0] ?? text;
  if (sentence.length <= MAX_SENTENCE) return sentence;
  const cut = sentence.slice(0, MAX_SENTENCE);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : MAX_SENTENCE - 1).replace(/[\s,;:]+$/, "")}…`;
}

/** JSON that cannot end a `<script>` element or break a JavaScript string: `<`, `>`, `&`, U+2028 and U+2029 escaped. */
export function safeJsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A RIS record of a report: `TY  - RPRT`, each field on one line, `ER  - `, CRLF line ends (RIS fields cannot hold a line break). */
export function risRecord(fields: [tag: string, value: string][]): string {
  const lines = [["TY", "RPRT"], ...fields.map(([tag, value]) => [tag, oneLine(value)]).filter(([, value]) => value !== ""), ["ER", ""]];
  return `${lines.map(([tag, value]) => `${tag}  - ${value}`).join("\r\n")}\r\n`;
}

type CitedReview = Omit<ReviewView, "citation">;

function describe(review: CitedReview, sentence: string): string {
  const what = `${review.typeName}, ${review.areaLabel}`;
  const date = review.published ? readableDate(review.published) : null;
  const said =
    review.status === "delayed"
      ? date
        ? `${what}, on this site since ${date}; publication of the overview report is delayed.`
        : `${what}: publication is delayed.`
      : `${what}, published ${date}${review.status === "withheld" ? "; its overview report is not published" : ""}.`;
  return sentence ? `${said} ${sentence}` : said;
}

/** The overview report's PDF, in full, when the review is published (never for a withheld or delayed one). */
function overviewPdf(review: CitedReview, siteUrl: string): string | undefined {
  if (review.status !== "published") return undefined;
  const report = review.documents.find((doc) => doc.kind === "overview-report" && documentFormat(new URL(doc.href, "https://x.invalid").pathname) === "PDF");
  return report && (report.external ? report.href : absoluteUrl(siteUrl, report.href));
}

/** Everything for sharing and citing `review`, listed at `buildDate` (its summary as the maintainers wrote it, in Markdown). */
export function citationView(review: CitedReview, summary: string | undefined, site: SiteSettings, buildDate: IsoDate): CitationView {
  const author = site.partnership.name;
  const title = `${review.title}: ${review.typeName}`;
  const url = absoluteUrl(site.url, review.url);
  const summaryText = summary ? plainText(summary) : "";
  const description = describe(review, firstSentence(summaryText));
  const dated = review.status !== "delayed" && review.published ? review.published : null;
  const pdf = overviewPdf(review, site.url);
  const tags: [string, string | null | undefined][] = [
    ["citation_title", title],
    ["citation_author", author],
    ["citation_publisher", author],
    ["citation_technical_report_institution", author],
    ["citation_publication_date", dated?.replaceAll("-", "/")],
    ["citation_language", "en"],
    ["citation_keywords", review.themes.join("; ")],
    ["citation_public_url", url],
    ["citation_abstract_html_url", url],
    ["citation_pdf_url", pdf],
  ];
  const organisation = { "@type": "Organization", name: author };
  const report = {
    "@context": "https://schema.org",
    "@type": "Report",
    name: title,
    description,
    url,
    inLanguage: "en-GB",
    author: organisation,
    publisher: { ...organisation, url: site.url },
    ...(dated ? { datePublished: dated } : {}),
    ...(review.removalDate ? { expires: review.removalDate } : {}),
    ...(review.themes.length ? { about: review.themes.map((name) => ({ "@type": "Thing", name })), keywords: review.themes.join(", ") } : {}),
  };
  const year = dated ? String(yearOf(dated)) : "no date";
  const note = review.status === "delayed" ? " (publication delayed)" : "";
  return {
    description,
    meta: tags.flatMap(([name, content]) => (content ? [{ name, content }] : [])),
    jsonLd: safeJsonForScript(report),
    text: `${author} (${year}) ${title}${note}. Available at: ${url} (Accessed: ${readableDate(buildDate)}).`,
    risUrl: `${review.url}citation.ris`,
    ris: risRecord([
      ["TI", title],
      ["AU", author],
      ["PB", author],
      ["PY", dated ? String(yearOf(dated)) : ""],
      ["DA", dated?.replaceAll("-", "/") ?? ""],
      ["UR", url],
      ["L1", pdf ?? ""],
      ...review.themes.map((theme): [string, string] => ["KW", theme]),
      ["AB", summaryText],
      [
        "N1",
        review.status === "delayed"
          ? "Publication of the overview report is delayed."
          : review.status === "withheld"
            ? "The overview report is not published."
            : "",
      ],
      ["LA", "en-GB"],
    ]),
  };
}
