import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { reviewsJsonSchema, schemaText, siteJsonSchema } from "../../../src/content/json-schema.ts";
import { fixtureReviews, fixtureSite, PROJECT_ROOT } from "../../helpers/site.ts";
import { validReview } from "../../helpers/reviews.ts";

const areas = Object.keys(fixtureSite().areas as object);

/** Our own check for the format "date" (ajv-formats is not a dependency): a day that exists, in UTC arithmetic. */
function dayExists(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An editor's validator either checks `format: "date"` or, as many do, ignores it: the schemas must refuse the same dates either way. */
const validators = {
  "formats checked": () => new Ajv2020({ allErrors: true, strict: false, formats: { date: dayExists, uri: true, email: true } }),
  "formats ignored": () => new Ajv2020({ allErrors: true, strict: false, validateFormats: false }),
};

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

  describe.each(Object.entries(validators))("with %s", (_mode, makeAjv) => {
    const ajv = makeAjv();
    const reviews = ajv.compile(JSON.parse(schemaText(reviewsJsonSchema(areas))));
    const site = ajv.compile(JSON.parse(schemaText(siteJsonSchema())));
    const siteDated = (field: string, date: string) => {
      const settings = fixtureSite() as { accessibility: Record<string, unknown> };
      return { ...settings, accessibility: { ...settings.accessibility, [field]: date } };
    };

    it.each([
      ["2023-02-30", "30 February"],
      ["2024-02-30", "30 February in a leap year"],
      ["2023-02-31", "31 February"],
      ["2023-04-31", "31 April"],
      ["2023-06-31", "31 June"],
      ["2023-09-31", "31 September"],
      ["2023-11-31", "31 November"],
      ["2023-13-01", "month 13"],
      ["2023-00-10", "month 00"],
      ["2023-01-00", "day 00"],
      ["2023-01-32", "day 32"],
      ["2023-02-29", "29 February in a year that is not a leap year"],
      ["1900-02-29", "29 February 1900 (a century, not a leap year)"],
      ["2023-2-28", "a month written with one digit"],
    ])("refuses %s (%s) as a review's date and as the site's dates", (date) => {
      expect(reviews([validReview({ published: date })])).toBe(false);
      for (const field of ["preparedOn", "reviewedOn", "testedOn"]) expect(site(siteDated(field, date)), field).toBe(false);
    });

    it.each([
      ["2024-02-29", "29 February in a leap year"],
      ["2000-02-29", "29 February 2000 (a century that is a leap year)"],
      ["2023-02-28", "28 February"],
      ["2023-04-30", "30 April"],
      ["2023-12-31", "31 December"],
    ])("accepts %s (%s)", (date) => {
      expect(reviews([validReview({ published: date })]), JSON.stringify(reviews.errors)).toBe(true);
      for (const field of ["preparedOn", "reviewedOn", "testedOn"]) expect(site(siteDated(field, date)), JSON.stringify(site.errors)).toBe(true);
    });
  });
});
