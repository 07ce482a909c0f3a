import { FEED_VERSION, type FeedRecord, type ReviewFeed } from "../../src/model/review-feed.ts";
import type { SourceRecord } from "../../src/sources/source-feed.ts";
import type { Source } from "../../src/sources/source-list.ts";

/** Hand-made sources and feeds for the harvest's tests: what a partnership's own build would never produce, as well as what it would. */
export function sourceNamed(id: string, fields: Partial<Source> = {}): Source {
  return { id, name: `${id} SCP`, feed: `https://${id}.example.org/reviews.json`, ...fields };
}

export function feedRecord(source: string, id: string, fields: Partial<FeedRecord> = {}): FeedRecord {
  const site = `https://${source}.example.org`;
  return {
    id,
    title: `Child ${id}`,
    type: "CSPR",
    typeName: "Child Safeguarding Practice Review",
    area: "north",
    areaName: "North",
    status: "published",
    statusText: "Published",
    footnote: null,
    published: "2026-01-10",
    leaves: null,
    themes: ["neglect"],
    summary: "A summary.",
    pageUrl: `${site}/reviews/${id}/`,
    documents: [],
    ...fields,
  };
}

export function feedOf(source: string, reviews: unknown[], fields: Partial<ReviewFeed> = {}): string {
  const site = `https://${source}.example.org`;
  return JSON.stringify({
    $schema: `${site}/reviews.schema.json`,
    version: FEED_VERSION,
    buildDate: "2026-11-26",
    publisher: { name: `${source} SCP`, url: site, retentionMonths: 12 },
    reviews,
    ...fields,
  });
}

/** A record as the harvest keeps it (qualified by its source), for the finder's catalogue tests: one PDF unless `fields` say otherwise. */
export function sourceRecord(source: string, id: string, fields: Partial<SourceRecord> = {}): SourceRecord {
  const origin = `https://${source}.example.org`;
  return {
    id,
    key: `${source}/${id}`,
    source,
    title: `Child ${id}`,
    type: "CSPR",
    typeName: "Child Safeguarding Practice Review",
    area: "west",
    areaName: "West",
    status: "published",
    statusText: "Published",
    footnote: null,
    published: "2026-05-01",
    leaves: null,
    themes: ["Neglect"],
    summary: "",
    pageUrl: `${origin}/reviews/${id}/`,
    documents: [{ kind: "overview-report", title: "Overview report", url: `${origin}/reviews/${id}/o.pdf`, format: "PDF", bytes: 2048, pages: 4 }],
    ...fields,
  };
}
