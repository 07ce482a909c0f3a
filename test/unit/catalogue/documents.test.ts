import { describe, expect, it } from "vitest";
import { documentDetails, documentFormat, documentLinkText, fileSizeLabel } from "../../../src/catalogue/documents.ts";

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

describe("documentFormat", () => {
  it("names formats from the extension, whatever its case", () => {
    expect(documentFormat("overview-report.PDF")).toBe("PDF");
    expect(documentFormat("plan.docx")).toBe("Word document");
    expect(documentFormat("page.html")).toBeUndefined();
    expect(documentFormat("pdf")).toBeUndefined();
  });
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
