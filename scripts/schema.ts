/**
 * `npm run schema`: write schema/reviews.schema.json and schema/site.schema.json
 * from the validation code. Run it after changing the schemas or the areas in
 * _data/site.json; a test fails while the committed files are out of date.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { reviewsJsonSchema, schemaText, siteJsonSchema } from "../src/content/json-schema.ts";
import { contentPaths } from "../src/content/paths.ts";
import { loadSiteSettings } from "../src/content/site-settings.ts";

const site = loadSiteSettings(contentPaths().siteFile);
mkdirSync("schema", { recursive: true });
writeFileSync("schema/reviews.schema.json", schemaText(reviewsJsonSchema(Object.keys(site.areas))));
writeFileSync("schema/site.schema.json", schemaText(siteJsonSchema()));
console.log("Wrote schema/reviews.schema.json and schema/site.schema.json.");
