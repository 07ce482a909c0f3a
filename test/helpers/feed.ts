import { Ajv2020 } from "ajv/dist/2020.js";
import { feedJsonSchema } from "../../src/model/review-feed.ts";

/**
 * A check of a feed against a JSON Schema (the project's own, or one a built site publishes) with Ajv, as an
 * aggregator in any language would check it: `problems` is empty when it is valid. The dates' `format` is
 * left to their pattern, which the schema gives too.
 */
export function feedValidator(schema: object = feedJsonSchema()): (feed: unknown) => string[] {
  const validate = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
  return (feed) => (validate(feed) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`));
}
