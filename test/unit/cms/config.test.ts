import { describe, expect, it } from "vitest";
import { cmsConfig } from "../../../src/cms/config.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import { fixtureSite } from "../../helpers/site.ts";

const northshire = fixtureSite() as SiteSettings;
const backendOf = (site: SiteSettings) => cmsConfig(site).backend as Record<string, unknown>;

describe("the editor's sign-in, as its configuration gives it", () => {
  it("is titled with the partnership's own name, whatever characters it has", () => {
    const site = { ...northshire, partnership: { ...northshire.partnership, name: 'Ynys Môn & "Gwynedd" <Partnership>' } };
    expect(cmsConfig(site).app_title).toBe('Ynys Môn & "Gwynedd" <Partnership>: case reviews editor');
  });

  it("offers only the access token when site.json names no GitHub sign-in service", () => {
    const backend = backendOf({ ...northshire, cms: { repo: "northshire-scp/reviews" } });
    expect(backend.auth_methods).toEqual(["token"]);
    expect(backend).not.toHaveProperty("base_url");
    expect(backendOf({ ...northshire, cms: undefined }).auth_methods).toEqual(["token"]);
  });

  it("offers GitHub's sign-in too, through the partnership's service, when site.json names one", () => {
    const backend = backendOf({ ...northshire, cms: { repo: "northshire-scp/reviews", signInService: "https://auth.northshire.example" } });
    expect(backend.auth_methods).toEqual(["oauth", "token"]);
    expect(backend.base_url).toBe("https://auth.northshire.example");
  });
});

/** Every field of the configuration, nested ones (a document's, a theme's) included. */
function allFields(fields: Record<string, unknown>[]): Record<string, unknown>[] {
  return fields.flatMap((f) => [
    f,
    ...allFields((f.fields as Record<string, unknown>[] | undefined) ?? []),
    ...(f.field ? allFields([f.field as Record<string, unknown>]) : []),
  ]);
}

describe("the editor's form, as its configuration gives it", () => {
  const config = cmsConfig(northshire) as { collections: { label: string; files: { label: string; fields: Record<string, unknown>[] }[] }[] };
  const fields = allFields(config.collections[0]!.files[0]!.fields);

  it("hints in the officer's words: no JSON, no project file, no date format", () => {
    const hints = fields.map((f) => String(f.hint ?? ""));
    expect(hints.filter((hint) => /\["|_data\/|\.json\b|YYYY|\bUTC\b|markdown/i.test(hint))).toEqual([]);
  });

  it("takes the date as typed text, day month year, with no date picker and no time zone", () => {
    const published = fields.find((f) => f.name === "published")!;
    expect(published.widget).toBe("string");
    expect(published.hint).toContain("day month year, e.g. 20 November 2026");
    expect(fields.filter((f) => f.widget === "datetime" || "picker_utc" in f)).toEqual([]);
  });

  it("is titled with the list's own name, not the collection's twice", () => {
    expect(config.collections[0]!.files[0]!.label).not.toBe(config.collections[0]!.label);
  });
});
