import { describe, expect, it } from "vitest";
import { documentDetails, documentLinkText, documentView, fileSizeLabel, pageCountLabel } from "../../../src/catalogue/documents.ts";
import { documentFormat } from "../../../src/model/document-formats.ts";
import type { PdfFacts, Review } from "../../../src/model/review.ts";

const pdfFacts = (pages: number, fields: Partial<PdfFacts> = {}): PdfFacts => ({
  format: "pdf",
  pages,
  title: "Report",
  language: "en-GB",
  tagged: true,
  hasText: true,
  text: "Text.",
  ...fields,
});

describe("fileSizeLabel", () => {
  it.each([
    [1, "1 byte"],
    [850, "850 bytes"],
    [1024, "1 KB"],
    [12_345, "12 KB"],
    [1_258_291, "1.2 MB"],
    [15 * 1024 * 1024, "15 MB"],
  ])("%d bytes is %s", (bytes, label) => expect(fileSizeLabel(bytes)).toBe(label));
});

describe("documentLinkText", () => {
  it("says kind, format and size", () => {
    expect(documentLinkText({ kind: "overview-report", title: "Overview report", file: "a.pdf", bytes: 1_258_291 })).toBe("Overview report (PDF, 1.2 MB)");
  });
  it("keeps a title that adds to the kind", () => {
    expect(documentLinkText({ kind: "learning-brief", title: "Seven-minute briefing", file: "b.pdf", bytes: 92_000 })).toBe(
      "Learning brief: Seven-minute briefing (PDF, 90 KB)",
    );
  });
  it("names the site a linked document is on", () => {
    expect(documentDetails({ url: "https://www.gov.uk/government/publications/x.pdf" })).toBe("PDF, on www.gov.uk");
    expect(documentLinkText({ kind: "response", title: "Letter from the minister", url: "https://www.gov.uk/letter" })).toBe(
      "Response: Letter from the minister (web page, on www.gov.uk)",
    );
  });
});

describe("page counts and HTML versions in link text", () => {
  it("says how many pages a PDF has, as GOV.UK does", () => {
    expect(pageCountLabel(1)).toBe("1 page");
    expect(pageCountLabel(1234)).toBe("1,234 pages");
    expect(documentLinkText({ kind: "overview-report", title: "Overview report", file: "a.pdf", bytes: 1_258_291, facts: pdfFacts(42) })).toBe(
      "Overview report (PDF, 1.2 MB, 42 pages)",
    );
    expect(documentLinkText({ kind: "learning-brief", title: "Learning brief", file: "b.pdf", bytes: 2048, facts: pdfFacts(1) })).toBe(
      "Learning brief (PDF, 2 KB, 1 page)",
    );
  });

  it("names a Markdown document as HTML and links to its page", () => {
    expect(documentFormat("overview-report.md")).toBe("HTML");
    const review = { id: "child-a" } as Review;
    const view = documentView(review, {
      kind: "overview-report",
      title: "Overview report",
      file: "overview-report.md",
      bytes: 900,
      facts: { format: "markdown", source: "## A" },
    });
    expect(view).toMatchObject({ linkText: "Overview report (HTML)", href: "/reviews/child-a/overview-report/", accessibilityNote: null });
  });

  it("offers an accessible format beside a PDF that fails the audit, and not beside one that passes", () => {
    const review = { id: "child-a" } as Review;
    const doc = { kind: "overview-report" as const, title: "Overview report", file: "o.pdf", bytes: 900 };
    expect(documentView(review, { ...doc, facts: pdfFacts(3) }).accessibilityNote).toBeNull();
    expect(documentView(review, { ...doc, facts: pdfFacts(3, { tagged: false, language: null }) }).accessibilityNote).toBe(
      "This PDF may not work with assistive technology: it is not tagged, so a screen reader cannot tell its headings, lists and tables and has no language set.",
    );
  });
});
