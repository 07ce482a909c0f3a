import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { reviewsJsonSchema, schemaText, siteJsonSchema } from "../../../src/content/json-schema.ts";
import { fixtureReviews, fixtureSite, PROJECT_ROOT } from "../../helpers/site.ts";
import { validReview } from "../../helpers/reviews.ts";

const areas = Object.keys(fixtureSite().areas as object);

describe("the JSON Schemas for editors", () => {
  it("are wired into VS Code for the data files", () => {
    const settings = JSON.parse(readFileSync(path.join(PROJECT_ROOT, ".vscode", "settings.json"), "utf8")) as {
      "json.schemas": { fileMatch: string[]; url: string }[];
    };
    expect(settings["json.schemas"]).toEqual([
      { fileMatch: ["/_data/reviews.json"], url: "./schema/reviews.schema.json" },
      { fileMatch: ["/_data/site.json"], url: "./schema/site.schema.json" },
    ]);
  });

  it("accept valid data and reject what the build rejects field by field", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const reviews = ajv.compile(JSON.parse(schemaText(reviewsJsonSchema(areas))));
    const site = ajv.compile(JSON.parse(schemaText(siteJsonSchema())));
    expect(reviews(fixtureReviews()), JSON.stringify(reviews.errors)).toBe(true);
    expect(site(fixtureSite()), JSON.stringify(site.errors)).toBe(true);
    for (const bad of [
      { type: "Scr" },
      { area: "preston" },
      { id: "Child A" },
      { titel: "x" },
      { published: "14/06/2025" },
      { documents: [{ kind: "report", title: "x", file: "a.pdf" }] },
    ]) {
      expect(reviews([validReview(bad)]), JSON.stringify(bad)).toBe(false);
    }
  });
});
