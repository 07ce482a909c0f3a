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
