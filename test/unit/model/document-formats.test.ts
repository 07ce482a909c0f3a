import { describe, expect, it } from "vitest";
import { DOCUMENT_EXTENSIONS, documentFormat } from "../../../src/model/document-formats.ts";

describe("documentFormat", () => {
  it("names formats from the extension, whatever its case", () => {
    expect(documentFormat("overview-report.PDF")).toBe("PDF");
    expect(documentFormat("plan.docx")).toBe("Word document");
    expect(documentFormat("page.html")).toBeUndefined();
    expect(documentFormat("pdf")).toBeUndefined();
  });
});

describe("DOCUMENT_EXTENSIONS", () => {
  it("lists every ending documentFormat names, and only those", () => {
    for (const ext of DOCUMENT_EXTENSIONS) expect(documentFormat(`file.${ext}`)).toBeDefined();
    expect(DOCUMENT_EXTENSIONS).not.toContain("html");
  });
});
