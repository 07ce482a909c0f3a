/**
 * `npm run schema`: write schema/reviews.schema.json, schema/site.schema.json,
 * the review feed's schema/feed.schema.json (the same on every site, and published
 * beside its feed as /reviews.schema.json) and the editor's admin/config.yml from
 * the validation code. Run it after
 * changing the schemas or _data/site.json (its areas, its `cms`); a test fails
 * while the committed files are out of date.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cmsConfig, cmsConfigText } from "../src/cms/config.ts";
import { reviewsJsonSchema, schemaText, siteJsonSchema } from "../src/content/json-schema.ts";
import { contentPaths } from "../src/content/paths.ts";
import { loadSiteSettings } from "../src/content/site-settings.ts";
import { feedJsonSchema } from "../src/model/review-feed.ts";

const site = loadSiteSettings(contentPaths().siteFile);
mkdirSync("schema", { recursive: true });
writeFileSync("schema/reviews.schema.json", schemaText(reviewsJsonSchema(Object.keys(site.areas))));
writeFileSync("schema/site.schema.json", schemaText(siteJsonSchema()));
writeFileSync("schema/feed.schema.json", schemaText(feedJsonSchema()));
writeFileSync("admin/config.yml", cmsConfigText(cmsConfig(site)));
console.log("Wrote schema/reviews.schema.json, schema/site.schema.json, schema/feed.schema.json and admin/config.yml.");
