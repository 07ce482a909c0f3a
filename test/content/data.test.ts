/**
 * Content checks: this repository's own data, whatever partnership it is for
 * (or the project at CONTENT_ROOT). They check the content, not the code.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { cmsConfig, cmsConfigText } from "../../src/cms/config.ts";
import { reviewsJsonSchema, schemaText, siteJsonSchema } from "../../src/content/json-schema.ts";
import { siteSchema } from "../../src/model/site-settings.ts";
import { runScript } from "../helpers/run-script.ts";
import { CONTENT_ROOT } from "../helpers/site.ts";

const read = (file: string) => readFileSync(path.join(CONTENT_ROOT, file), "utf8");

describe(`the data in ${CONTENT_ROOT}`, () => {
  it("passes npm run validate", async () => {
    const result = await runScript(CONTENT_ROOT, "validate");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^The data is valid/);
  });

  it("has JSON Schemas for editors that are up to date with _data/site.json's areas (run npm run schema)", () => {
    const areas = Object.keys((JSON.parse(read("_data/site.json")) as { areas: object }).areas);
    expect(read("schema/reviews.schema.json")).toBe(schemaText(reviewsJsonSchema(areas)));
    expect(read("schema/site.schema.json")).toBe(schemaText(siteJsonSchema()));
  });

  it("has an editor configuration (admin/config.yml) that is up to date with the schemas and _data/site.json (run npm run schema)", () => {
    const site = siteSchema.parse(JSON.parse(read("_data/site.json")));
    expect(read("admin/config.yml")).toBe(cmsConfigText(cmsConfig(site)));
  });

  it("is accepted by those schemas", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const reviews = ajv.compile(JSON.parse(read("schema/reviews.schema.json")));
    const site = ajv.compile(JSON.parse(read("schema/site.schema.json")));
    expect(reviews(JSON.parse(read("_data/reviews.json"))), JSON.stringify(reviews.errors)).toBe(true);
    expect(site(JSON.parse(read("_data/site.json"))), JSON.stringify(site.errors)).toBe(true);
  });
});
