import { z } from "zod";
import { isoDateSchema } from "../model/dates.ts";
import { DOCUMENT_KINDS, REVIEW_STATUSES, REVIEW_TYPES } from "../model/review.ts";
import { siteSchema } from "../model/site-settings.ts";
import { FOOTNOTES } from "../rules/publication.ts";
import { FINDER_FACETS } from "./facets.ts";

/**
 * The shape of the file the build hands Eleventy's process (src/catalogue/template-data.ts): the
 * catalogue's views as JSON gives them back. Every object is strict, so a field the templates do not
 * read (a PDF's text, say) is refused, not carried along; the lists of reviews on the finder's and the
 * filter pages are positions in `listed`. `template-data.ts` checks that this matches the views' types.
 */

const text = z.string();
const nullableText = z.string().nullable();
const date = isoDateSchema();
const count = z.number().int().nonnegative();
/** Positions in another list of the file; template-data.ts checks that each is there. */
const positions = z.array(count);
/** A JavaScript date, which JSON writes as an instant (`2026-03-01T00:00:00.000Z`). */
const instant = z.iso.datetime().transform((value) => new Date(value));

const reviewType = z.enum(REVIEW_TYPES);
const link = z.strictObject({ id: text, title: text, url: text });
const footnoteView = z.strictObject({ key: z.enum(FOOTNOTES), code: text, text, label: text, anchor: text });
const legendEntry = footnoteView.extend({ reviews: z.array(link) });
const facetLink = z.strictObject({ facet: z.enum(FINDER_FACETS), key: text, label: text, url: text, count: count.optional(), countText: text.optional() });
const facetOption = facetLink.extend({ count, filterValue: text });

/** `Paged<T>` with its items given by `items`. */
const paged = <T extends z.ZodType>(items: T) =>
  z.strictObject({ items, pageNumber: count, pageCount: count, url: text, previousUrl: nullableText, nextUrl: nullableText, label: text });

export const reviewViewSchema = z.strictObject({
  id: text,
  url: text,
  title: text,
  type: reviewType,
  typeName: text,
  area: text,
  areaLabel: text,
  status: z.enum(REVIEW_STATUSES),
  statusText: text,
  published: date.nullable(),
  publishedText: text,
  year: z.number().int().nullable(),
  footnote: footnoteView.nullable(),
  removalDate: date.nullable(),
  removalDateText: nullableText,
  summaryHtml: text,
  summaryText: text,
  themes: z.array(text),
  documents: z.array(
    z.strictObject({
      kind: z.enum(DOCUMENT_KINDS),
      title: text,
      href: text,
      linkText: text,
      external: z.boolean(),
      anchor: text,
      accessibilityNote: nullableText,
      format: nullableText,
      bytes: count.nullable(),
      pages: count.nullable(),
    }),
  ),
  links: z.strictObject({ type: facetLink, area: facetLink, year: facetLink.nullable(), themes: z.array(facetLink), place: facetLink.optional() }),
  rank: z.strictObject({ newest: count, title: count }),
  related: z.array(link.extend({ typeName: text, publishedPhrase: text, sharedThemes: z.array(text) })),
  publishedPhrase: text,
  citation: z.strictObject({
    description: text,
    meta: z.array(z.strictObject({ name: text, content: text })),
    jsonLd: text,
    text,
    risUrl: text,
  }),
  source: z.strictObject({ id: text, name: text, area: text, areaName: text }).optional(),
});

const removedView = z.strictObject({
  id: text,
  url: text,
  title: text,
  type: reviewType,
  typeName: text,
  areaLabel: text,
  published: date,
  publishedText: text,
  removedOn: date,
  removedOnText: text,
});

const inaccessibleDocument = z.strictObject({ reviewTitle: text, reviewUrl: text, documentTitle: text, href: text, fails: text, criteria: text });

/** What templates read of site.json: the rest is in the views, worded (`support`, `accessibility`), or is the build's own (`cms`). */
export const TEMPLATE_SITE_FIELDS = { partnership: true, url: true, retentionMonths: true, areas: true, footnotes: true, contact: true } as const;

export const templateDataSchema = z.strictObject({
  buildDate: date,
  buildDateText: text,
  site: siteSchema.pick(TEMPLATE_SITE_FIELDS),
  retentionText: text,
  finderPages: z.array(paged(positions).extend({ total: count, countText: text, legend: z.array(legendEntry) })),
  finderPageSize: count,
  listed: z.array(reviewViewSchema),
  filterPages: z.array(
    paged(positions).extend({
      facet: z.enum(FINDER_FACETS),
      key: text,
      count: count.optional(),
      heading: text,
      baseUrl: text,
      total: count,
      legend: z.array(legendEntry),
      within: z.strictObject({ label: text, url: text }).optional(),
      areas: z.array(facetOption).optional(),
    }),
  ),
  facetGroups: z.array(
    z.strictObject({
      facet: z.enum(FINDER_FACETS),
      heading: text,
      options: z.array(facetOption),
      sections: z.array(z.strictObject({ label: text, url: text, options: z.array(facetOption) })).optional(),
    }),
  ),
  feed: z.strictObject({
    updated: instant,
    entries: z.array(z.strictObject({ id: text, title: text, url: text, date: instant, typeName: text, areaLabel: text, summaryHtml: text })),
  }),
  removed: z.array(removedView),
  htmlVersions: z.array(
    z.strictObject({
      url: text,
      title: text,
      review: link.extend({ typeName: text }),
      contents: z.array(z.strictObject({ id: text, text })),
      html: text,
    }),
  ),
  contact: z.strictObject({ team: text, email: text, phone: text, tel: text }),
  support: z.strictObject({
    heading: text,
    text,
    emergency: text,
    services: z.array(z.strictObject({ name: text, for: text, phone: text, tel: text, url: text })),
  }),
  accessibility: z.strictObject({
    compliance: z.enum(["fully", "partially", "not"]),
    complianceText: text,
    preparedOnText: text,
    reviewedOnText: text,
    testedOnText: text,
    testedBy: text,
    knownIssues: z.array(text),
    automatedChecks: z.array(text),
    responseDays: count,
    nonCompliant: z.array(z.strictObject({ issue: text, criteria: text, plan: text })),
    documents: z.array(inaccessibleDocument),
    /** Positions in `documents`. */
    documentPages: z.array(paged(positions)),
    notInScope: z.array(text),
  }),
  finder: z
    .strictObject({
      harvestDate: date,
      sources: z.array(
        z.strictObject({
          id: text,
          name: text,
          feed: text,
          state: z.enum(["read", "kept", "dropped", "never"]),
          stateText: text,
          lastRead: date.nullable(),
          lastReadText: text,
          listed: count,
          problems: z.array(text),
          leftByDates: count,
        }),
      ),
    })
    .optional(),
});
