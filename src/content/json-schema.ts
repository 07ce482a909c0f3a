import * as z from "zod";
import { reviewsFileSchema } from "./review-schema.ts";
import { siteSchema } from "../model/site-settings.ts";

/**
 * JSON Schemas for editors, generated from the same zod schemas that the build
 * validates with, so that the squiggles in an editor and the build's errors agree.
 * (Checks that need more than one field, or the files on disk, are the build's alone.)
 */
export function reviewsJsonSchema(areaKeys: readonly string[]): object {
  return {
    ...z.toJSONSchema(reviewsFileSchema(areaKeys), { unrepresentable: "any" }),
    title: "Case reviews (_data/reviews.json)",
    description: "The reviews this site publishes. Run `npm run validate` for the full check, including document files and duplicate ids.",
  };
}

export function siteJsonSchema(): object {
  return { ...z.toJSONSchema(siteSchema, { unrepresentable: "any" }), title: "Site settings (_data/site.json)" };
}

/** As the files in `schema/` are written. */
export function schemaText(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
