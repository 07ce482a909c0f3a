import { schemaText } from "../src/content/json-schema.ts";
import { FEED_SCHEMA_ADDRESS, feedJsonSchema } from "../src/model/review-feed.ts";

/** `/reviews.schema.json`: the review feed's JSON Schema, beside it (the same as schema/feed.schema.json). */
export const data = { permalink: FEED_SCHEMA_ADDRESS, eleventyExcludeFromCollections: true };

export function render(): string {
  return schemaText(feedJsonSchema());
}
