import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../../src/catalogue/index.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import type { PdfFacts, Review } from "../../../src/model/review.ts";
import { expectedSearchUrls } from "../../../src/eleventy/search-index.ts";
import { fixtureSite } from "../../helpers/site.ts";

const site = fixtureSite() as unknown as SiteSettings;
const facts = (fields: Partial<PdfFacts> = {}): PdfFacts => ({
  format: "pdf",
  pages: 4,
  title: "Report",
  language: "en-GB",
  tagged: true,
  hasText: true,
  text: "What agencies knew.",
  ...fields,
});

function review(id: string, fields: Partial<Review>): Review {
  return { id, title: `Child ${id}`, type: "CSPR", area: "northshire", status: "published", published: "2026-01-01", themes: [], documents: [], ...fields };
}

describe("what a catalogue makes of documents", () => {
  const untagged = {
    kind: "overview-report" as const,
    title: "Overview report",
    file: "overview-report.pdf",
    bytes: 4096,
    facts: facts({ tagged: false, title: null }),
  };
  const markdown = {
    kind: "overview-report" as const,
    title: "Overview report",
    file: "overview-report.md",
    bytes: 100,
    facts: { format: "markdown" as const, source: "## Findings\n\nText." },
  };
  const catalogue = buildCatalogue(
    [
      review("listed", {
        documents: [untagged, markdown, { kind: "learning-brief", title: "Learning brief", file: "brief.pdf", bytes: 2048, facts: facts() }],
      }),
      // An SCR past its 12 months: its documents have no page, no search record and no line in the statement.
      review("gone", { type: "SCR", published: "2025-01-01", documents: [untagged, markdown] }),
    ],
    site,
    "2026-11-26",
  );

  it("lists in the accessibility statement exactly the listed reviews' documents that fail the audit, with what fails and the criteria", () => {
    expect(catalogue.accessibility.documents).toEqual([
      {
        reviewTitle: "Child listed",
        reviewUrl: "/reviews/listed/",
        documentTitle: "Overview report (PDF, 4 KB, 4 pages)",
        href: "/reviews/listed/overview-report.pdf",
        fails: "It is not tagged, so a screen reader cannot tell its headings, lists and tables and has no title.",
        criteria: "1.3.1, 2.4.2",
      },
    ]);
  });

  it("publishes a listed review's Markdown document as a page, and never a removed one's", () => {
    expect(catalogue.htmlVersions.map((version) => version.url)).toEqual(["/reviews/listed/overview-report/"]);
    expect(catalogue.htmlVersions[0]!.contents).toEqual([{ id: "findings", text: "Findings" }]);
    // The Markdown source is never copied into the site; the PDFs of listed reviews are.
    expect(catalogue.documentFiles.map((file) => file.to)).toEqual(["reviews/listed/overview-report.pdf", "reviews/listed/brief.pdf"]);
  });

  it("puts only listed reviews' pages, HTML versions and PDF text in the search index, each document under its place on the review page", () => {
    expect(catalogue.documentRecords.map(({ url, title }) => ({ url, title }))).toEqual([
      { url: "/reviews/listed/#document-1", title: "Child listed: Overview report (PDF, 4 KB, 4 pages)" },
      { url: "/reviews/listed/#document-3", title: "Child listed: Learning brief (PDF, 2 KB, 4 pages)" },
    ]);
    // One record per review; its documents (the HTML version too) are places inside it.
    expect(expectedSearchUrls(catalogue)).toEqual([
      "/reviews/listed/",
      "/reviews/listed/#document-1",
      "/reviews/listed/#document-2",
      "/reviews/listed/#document-3",
    ]);
    expect(catalogue.listed[0]!.documents.map((doc) => doc.anchor)).toEqual(["document-1", "document-2", "document-3"]);
  });
});
