import { FEED_SCHEMA_ADDRESS, FEED_VERSION, type FinderFeedRecord, type ReviewFeed } from "../model/review-feed.ts";
import { absoluteUrl } from "./addresses.ts";
import type { TemplateData, TemplateReview } from "./template-data.ts";

/**
 * The review feed at `/reviews.json` (its format: src/model/review-feed.ts, docs/feed.md): every review
 * the site lists on the build date, from the same views as its pages, so that a record says what the
 * review's page says. Removed and scheduled reviews are not among the views, so never in the feed.
 */

type FeedSite = Pick<TemplateData["site"], "url" | "partnership" | "retentionMonths">;

/** One listed review as the feed gives it. */
export function feedRecord(review: TemplateReview, site: FeedSite): FinderFeedRecord {
  const record: FinderFeedRecord = {
    id: review.id,
    title: review.title,
    type: review.type,
    typeName: review.typeName,
    area: review.area,
    areaName: review.areaLabel,
    status: review.status,
    statusText: review.statusText,
    footnote: review.footnote ? { code: review.footnote.code, text: review.footnote.text } : null,
    published: review.published,
    leaves: review.removalDate,
    themes: review.themes,
    summary: review.summaryText,
    pageUrl: absoluteUrl(site.url, review.url),
    documents: review.documents.map((doc) => ({
      kind: doc.kind,
      title: doc.title,
      url: doc.external ? doc.href : absoluteUrl(site.url, doc.href),
      format: doc.format,
      bytes: doc.bytes,
      pages: doc.pages,
    })),
  };
  // A finder's record names its partnership, with the area as the partnership's own feed gave it.
  if (!review.source) return record;
  const { id, name, area, areaName } = review.source;
  return { ...record, area, areaName, source: { id, name } };
}

/** The feed of a build: its version, its schema's address, the build date, the publisher and the listed reviews, newest first. */
export function reviewFeed(catalogue: Pick<TemplateData, "buildDate" | "listed"> & { site: FeedSite }): ReviewFeed {
  const { site } = catalogue;
  return {
    $schema: absoluteUrl(site.url, FEED_SCHEMA_ADDRESS),
    version: FEED_VERSION,
    buildDate: catalogue.buildDate,
    publisher: { name: site.partnership.name, url: site.url, retentionMonths: site.retentionMonths },
    reviews: catalogue.listed.map((review) => feedRecord(review, site)),
  };
}

/** `/reviews.json`'s text. */
export function reviewFeedJson(catalogue: Parameters<typeof reviewFeed>[0]): string {
  return `${JSON.stringify(reviewFeed(catalogue), null, 2)}\n`;
}
