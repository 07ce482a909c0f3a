import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { catalogueOf } from "../helpers/catalogue.ts";
import { checkBuiltSite } from "../../src/checks/site-check.ts";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { fixturePdf } from "../helpers/documents.ts";

const PDF = fixturePdf("Fixture document");
const BUILD_DATE = "2026-11-26";
/** Names that must be encoded to be one segment of an address: a fragment, a query, a percent sign, a space, non-ASCII. */
const NAMES = ["report #1.pdf", "what?.pdf", "100%.pdf", "résumé final.pdf"];

const reviews = [
  {
    id: "odd-names",
    title: "Child N",
    type: "CSPR",
    area: "northshire",
    status: "published",
    published: "2026-01-01",
    documents: NAMES.map((file, i) => ({ kind: "other", title: `Document ${i + 1}`, file })),
  },
];

describe("documents whose file names need encoding in an address", () => {
  let site: FixtureProject;
  beforeAll(async () => {
    site = fixtureProject({ reviews, files: Object.fromEntries(NAMES.map((name) => [`odd-names/${name}`, PDF])) });
    const build = await site.run("build", [], { BUILD_DATE });
    expect(build.code, build.stderr).toBe(0);
  });

  it("links each one from the review page to the copied file, its name one encoded path segment", () => {
    const page = site.read("reviews/odd-names/index.html");
    const hrefs = [...page.matchAll(/<a href="([^"]*)">Document \d/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
    expect(hrefs).toEqual(NAMES.map((name) => `/reviews/odd-names/${encodeURIComponent(name)}`));
    for (const [i, href] of hrefs.entries()) {
      // As a browser reads it: no query or fragment, and the path decodes to the file's name.
      const url = new URL(href, "https://reviews.example.org/reviews/odd-names/");
      expect(url.search + url.hash).toBe("");
      const file = url.pathname.split("/").map(decodeURIComponent).join("/").slice(1);
      expect(file).toBe(`reviews/odd-names/${NAMES[i]}`);
      expect(site.exists(file), file).toBe(true);
      expect(site.read(file)).toBe(PDF);
    }
  });

  it("gives valid, encoded addresses in /reviews.json", () => {
    const [review] = JSON.parse(site.read("reviews.json")).reviews as { documents: { url: string }[] }[];
    const record = { documentUrls: review!.documents.map((doc) => doc.url) };
    expect(record.documentUrls).toEqual(NAMES.map((name) => `https://reviews.example.org/reviews/odd-names/${encodeURIComponent(name)}`));
    for (const [i, address] of record.documentUrls.entries()) {
      const url = new URL(address);
      expect(url.href).toBe(address);
      expect(url.search + url.hash).toBe("");
      expect(decodeURIComponent(url.pathname.split("/").pop()!)).toBe(NAMES[i]);
    }
  });

  it("passes the nightly's check of the build", async () => {
    const catalogue = await catalogueOf(site.root, BUILD_DATE);
    expect(checkBuiltSite(path.join(site.root, "_site"), catalogue)).toEqual([]);
  });
});
