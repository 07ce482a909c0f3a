import * as z from "zod";
import { atMost, expected, oneOf } from "../model/schema-messages.ts";
import { quote } from "../model/problems.ts";
import { dateWrittenOtherwise, impossibleDateHint, isoDateSchema, writtenAsDate } from "../model/dates.ts";
import { DOCUMENT_KINDS, REVIEW_STATUSES, REVIEW_TYPES, SLUG } from "../model/review.ts";

const SLUG_WORDS = "lowercase letters a-z and digits in words joined by single hyphens, e.g. child-h-2019";
const NOT_BLANK = /\S/;
/** The longest each text may be: enough for real reviews, short enough for file names, pages and messages. */
export const MAX_LENGTH = { id: 80, title: 200, theme: 60, summary: 10_000, documentTitle: 200, file: 150, url: 2_000 } as const;

/** No line breaks or tabs: for fields shown on one line (titles, themes, file names). */
export const ONE_LINE = /^[^\n\r\t]*$/;
const oneLine = (what: string) => ({ error: expected(`${what} on one line (no line breaks or tabs)`) });

const documentSchema = z
  .strictObject(
    {
      kind: z.enum(DOCUMENT_KINDS, { error: oneOf(DOCUMENT_KINDS) }).meta({ title: "Kind of document", description: "What the document is." }),
      title: z
        .string({ error: expected("the document's title as text") })
        .regex(NOT_BLANK, { error: expected("the document's title as text") })
        .regex(ONE_LINE, oneLine("the document's title"))
        .max(MAX_LENGTH.documentTitle, atMost(MAX_LENGTH.documentTitle))
        .meta({ title: "Document title", description: 'The document\'s title, e.g. "Overview report".' }),
      file: z
        .string({ error: expected("a file name, of a file in reviews/<id>/ or reviews/uploads/") })
        .regex(NOT_BLANK, { error: expected("a file name, of a file in reviews/<id>/ or reviews/uploads/") })
        .regex(ONE_LINE, oneLine("a file name"))
        .max(MAX_LENGTH.file, atMost(MAX_LENGTH.file))
        .optional()
        .meta({
          title: "File",
          description:
            "A file name, e.g. overview-report.pdf: the file is in reviews/<id>/ or, uploaded from the editor, in reviews/uploads/ (not both). Give file or url, not both.",
        }),
      url: z
        .url({ protocol: /^https$/, error: expected("a web address starting https://") })
        .max(MAX_LENGTH.url, atMost(MAX_LENGTH.url))
        .optional()
        .meta({ title: "Web address", description: "A web address starting https://, for a document published elsewhere. Give file or url, not both." }),
    },
    { error: expected('a document: an object with "kind", "title" and either "file" or "url"') },
  )
  .meta({ title: "Document", description: "A document of the review: a file in reviews/<id>/ or reviews/uploads/, or a link to another site." });

/** Build the schema for one review, given the area keys that `_data/site.json` defines. */
export function reviewSchema(areaKeys: readonly string[], areaNames: Readonly<Record<string, string>> = {}) {
  const areas = areaKeys.length ? areaKeys : ["(no areas in site.json)"];
  return z
    .strictObject(
      {
        id: z
          .string({ error: expected(`an id: ${SLUG_WORDS}`) })
          .regex(SLUG, { error: expected(`an id: ${SLUG_WORDS}`) })
          .max(MAX_LENGTH.id, atMost(MAX_LENGTH.id))
          .meta({ title: "Id (the page's address)", description: `The review's page is /reviews/<id>/. Unique; ${SLUG_WORDS}.` }),
        title: z
          .string({ error: expected('the review\'s title as text, e.g. "Child H"') })
          .regex(NOT_BLANK, { error: expected('the review\'s title as text, e.g. "Child H"') })
          .regex(ONE_LINE, oneLine("the review's title"))
          .max(MAX_LENGTH.title, atMost(MAX_LENGTH.title))
          .meta({ title: "Title", description: 'The review\'s title, e.g. "Child H".' }),
        type: z.enum(REVIEW_TYPES, { error: oneOf(REVIEW_TYPES, { why: "(a Child Safeguarding Practice Review or a Serious Case Review)" }) }).meta({
          title: "Type",
          description:
            "CSPR (Child Safeguarding Practice Review: stays listed) or SCR (Serious Case Review: listed for the retention period after publication).",
        }),
        area: z
          .enum(areas as [string, ...string[]], { error: oneOf(areaKeys, { lead: "one of the site's areas (listed in _data/site.json): ", names: areaNames }) })
          .meta({
            title: "Area",
            description: "The area the review covers; a key from areas in _data/site.json.",
          }),
        status: z.enum(REVIEW_STATUSES, { error: oneOf(REVIEW_STATUSES) }).meta({
          title: "Status",
          description:
            "published; withheld (footnote *: the overview report is not published to protect the child and family); delayed (footnote **: publication delayed by parallel proceedings).",
        }),
        published: isoDateSchema((issue) =>
          writtenAsDate(issue.input)
            ? `${quote(issue.input)} is not a real calendar date; expected a date written YYYY-MM-DD that exists: ${impossibleDateHint(issue.input)}.`
            : dateWrittenOtherwise(issue.input)
              ? `${expected("a date written YYYY-MM-DD (year, month, day)")(issue).replace(/\.$/, "")}: did you mean ${dateWrittenOtherwise(issue.input)}?`
              : expected("a date written YYYY-MM-DD, e.g. 2024-06-14")(issue),
        )
          .optional()
          .meta({ title: "Date published", description: "Publication date, YYYY-MM-DD. Required unless status is delayed." }),
        summary: z
          .string({ error: expected("a summary as text (markdown is allowed)") })
          .max(MAX_LENGTH.summary, atMost(MAX_LENGTH.summary))
          .optional()
          .meta({ title: "Summary", description: "A short summary in markdown. Raw HTML is not allowed." }),
        themes: z
          .array(
            z
              .string({ error: expected("a theme as text, e.g. neglect") })
              .regex(NOT_BLANK, { error: expected("a theme as text, e.g. neglect") })
              .regex(ONE_LINE, oneLine("a theme"))
              .max(MAX_LENGTH.theme, atMost(MAX_LENGTH.theme)),
            {
              error: expected('a list of themes, e.g. ["neglect", "domestic abuse"]'),
            },
          )
          .optional()
          .meta({ title: "Themes", description: 'Short themes, e.g. ["neglect", "domestic abuse"].' }),
        documents: z
          .array(documentSchema, { error: expected("a list of documents") })
          .optional()
          .meta({ title: "Documents", description: "The review's documents." }),
      },
      { error: expected("a review: an object with id, title, type, area, status and published") },
    )
    .meta({ title: "Review", description: "One case review." });
}

/** The schema for the whole of `_data/reviews.json`: a list of reviews. */
export function reviewsFileSchema(areaKeys: readonly string[], areaNames: Readonly<Record<string, string>> = {}) {
  return z.array(reviewSchema(areaKeys, areaNames), { error: expected("a list of reviews: the file must start with [ and end with ]") });
}
