import * as z from "zod";
import { isoDateSchema } from "./dates.ts";
import { DOCUMENT_KINDS, REVIEW_STATUSES, REVIEW_TYPES, SLUG } from "./review.ts";

/**
 * The review feed every site publishes at `/reviews.json` (docs/feed.md), in one place: the zod schema
 * is the one source of truth, from which come the feed's types, the JSON Schema published beside it
 * (`/reviews.schema.json`, and `schema/feed.schema.json`, by `npm run schema`), and, for a site built
 * from other sites' feeds, the check of a feed read from elsewhere.
 *
 * Versioning: `version` is a whole number. A field added keeps the version (readers ignore fields they
 * do not know, and the JSON Schema allows them); a field removed, renamed, or changed in type or meaning
 * raises it by one.
 */
export const FEED_VERSION = 1;

/** Where the feed's JSON Schema is published, beside the feed. */
export const FEED_SCHEMA_ADDRESS = "/reviews.schema.json";

/** An absolute web address: `https://…` (or `http://…`, which a feed read from elsewhere is checked for). */
const address = (description: string) =>
  z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/)
    .describe(description);
const text = (description: string) => z.string().describe(description);
const date = (description: string) => isoDateSchema().describe(description);
const count = (description: string) => z.number().int().nonnegative().describe(description);

export const feedDocumentSchema = z
  .object({
    kind: z
      .enum(DOCUMENT_KINDS)
      .describe("What the document is: overview-report, executive-summary, learning-brief, briefing, action-plan, response or other."),
    title: text("The document's title, as the review's page gives it."),
    url: address("Where the document is: on the site, or (a document published elsewhere) its own address."),
    format: z
      .string()
      .nullable()
      .describe('Its format as a visitor would name it ("PDF", "Word document", "HTML" for a page of the site); null when not known.'),
    bytes: count("The file's size in bytes; null for a page of the site or a document published elsewhere.").nullable(),
    pages: count("A PDF's page count; null for any other document.").nullable(),
  })
  .describe("A document of the review that its page links to.");

export const feedRecordSchema = z
  .object({
    id: z.string().regex(SLUG).describe("The review's id on its site, also the last part of its page's address."),
    title: text("The review's title, as published (plain text, never HTML)."),
    type: z.enum(REVIEW_TYPES).describe("CSPR (Child Safeguarding Practice Review) or SCR (Serious Case Review)."),
    typeName: text("The type's name in words."),
    area: z
      .string()
      .regex(SLUG)
      .describe("The area's key in the partnership's settings: lowercase letters a-z and digits in words joined by single hyphens, e.g. southvale."),
    areaName: text("The area's name."),
    status: z.enum(REVIEW_STATUSES).describe("published; withheld (the overview report is not published); delayed (publication of the report is delayed)."),
    statusText: text("The status in words."),
    footnote: z
      .object({ code: text("The mark the site's lists show beside the review, e.g. *."), text: text("What the mark means, in the partnership's words.") })
      .nullable()
      .describe("The footnote of a withheld or delayed review; null for a published one."),
    published: date("The day it was published, YYYY-MM-DD; null for a delayed review with no date yet.").nullable(),
    leaves: date(
      "The day an SCR leaves the site (its publication date plus the publisher's retentionMonths): from that day it is in no feed. Null for a CSPR, and for an SCR with no date yet.",
    ).nullable(),
    themes: z.array(text("A theme.")).describe("Its themes, as the site lists them."),
    summary: text("Its summary as plain text (no Markdown, no HTML), one line; empty when it has none."),
    pageUrl: address("The address of the review's page on the site."),
    documents: z
      .array(feedDocumentSchema)
      .describe("Its published documents, in the order its page lists them. A withheld review's overview report is never among them."),
    source: z
      .object({
        id: text("The source's id in the finder's sources.json: the review's key there is <source id>/<review id>."),
        name: text("The partnership's name, as the finder's sources.json gives it."),
      })
      .optional()
      .describe(
        "In a finder's feed (a site built from other sites' feeds): the partnership whose feed the review came from. A partnership's own feed leaves it out.",
      ),
  })
  .describe("A review the site lists on the feed's build date.");

export const feedSchema = z
  .object({
    $schema: address("The address of this JSON Schema, published beside the feed."),
    version: z.literal(FEED_VERSION).describe("The feed format's version: raised only when a field is removed, renamed or changes its meaning."),
    buildDate: date("The day (in London) the site was built for: the feed lists the reviews listed on that day."),
    publisher: z
      .object({
        name: text("The partnership's name."),
        url: address("The site's address (its pages are under it)."),
        retentionMonths: z.number().int().positive().describe("How many months an SCR stays on the site after it is published."),
      })
      .describe("Who publishes the feed."),
    reviews: z
      .array(feedRecordSchema)
      .describe("Every review the site lists on the build date, newest first. Removed and not yet published reviews are never in it."),
  })
  .describe("A partnership's case reviews, as its site lists them on one day.");

export type ReviewFeed = z.output<typeof feedSchema>;
/** A record as a partnership's own feed gives it (a finder's adds `source`: FinderFeedRecord). */
export type FeedRecord = Omit<z.output<typeof feedRecordSchema>, "source">;
export type FeedSource = NonNullable<z.output<typeof feedRecordSchema>["source"]>;
/** A record of a finder's own feed: its source named. */
export type FinderFeedRecord = FeedRecord & { source?: FeedSource };
export type FeedDocument = z.output<typeof feedDocumentSchema>;

/**
 * The feed's JSON Schema: its objects allow fields they do not name, so that a reader of this version
 * accepts a feed of the same version from a newer release (which may only have added fields).
 */
export function feedJsonSchema(): object {
  return {
    ...z.toJSONSchema(feedSchema, { io: "input", unrepresentable: "any" }),
    title: `Review feed, version ${FEED_VERSION} (/reviews.json)`,
  };
}
