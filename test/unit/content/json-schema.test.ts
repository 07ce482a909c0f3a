import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { reviewsJsonSchema, schemaText, siteJsonSchema } from "../../../src/content/json-schema.ts";
import { PROJECT_ROOT, sampleSite } from "../../helpers/site.ts";
import { validReview } from "../../helpers/reviews.ts";

const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), "utf8");
const areas = Object.keys(sampleSite().areas as object);

describe("the JSON Schemas for editors", () => {
  it("are generated from the validation code, and the committed files are up to date (run npm run schema)", () => {
    expect(read("schema/reviews.schema.json")).toBe(schemaText(reviewsJsonSchema(areas)));
    expect(read("schema/site.schema.json")).toBe(schemaText(siteJsonSchema()));
  });

  it("are wired into VS Code for the data files", () => {
    const settings = JSON.parse(read(".vscode/settings.json")) as { "json.schemas": { fileMatch: string[]; url: string }[] };
    expect(settings["json.schemas"]).toEqual([
      { fileMatch: ["/_data/reviews.json"], url: "./schema/reviews.schema.json" },
      { fileMatch: ["/_data/site.json"], url: "./schema/site.schema.json" },
    ]);
  });

  it("accept the sample data and reject what the build rejects field by field", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const reviews = ajv.compile(JSON.parse(read("schema/reviews.schema.json")));
    const site = ajv.compile(JSON.parse(read("schema/site.schema.json")));
    expect(reviews(JSON.parse(read("_data/reviews.json"))), JSON.stringify(reviews.errors)).toBe(true);
    expect(site(JSON.parse(read("_data/site.json"))), JSON.stringify(site.errors)).toBe(true);
    for (const bad of [{ type: "Scr" }, { area: "preston" }, { id: "Child A" }, { titel: "x" }, { published: "14/06/2025" }, { documents: [{ kind: "report", title: "x", file: "a.pdf" }] }]) {
      expect(reviews([validReview(bad)]), JSON.stringify(bad)).toBe(false);
    }
  });
});
