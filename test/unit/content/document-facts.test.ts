import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { addDocumentFacts } from "../../../src/content/document-facts.ts";
import { readPdfFacts } from "../../../src/content/pdf-facts.ts";
import { formatProblem } from "../../../src/content/problems.ts";
import type { Review } from "../../../src/model/review.ts";
import type { PdfFacts } from "../../../src/model/review.ts";
import { encryptedPdf, makePdf } from "../../helpers/pdfs.ts";

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function reviewsDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "lr-facts-"));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function review(id: string, files: string[]): Review {
  return {
    id,
    title: `Child ${id}`,
    type: "CSPR",
    area: "northshire",
    status: "published",
    published: "2026-01-01",
    themes: [],
    documents: files.map((file) => ({ kind: "other" as const, title: file, file, bytes: 1 })),
  };
}

describe("addDocumentFacts", () => {
  it("adds each PDF's facts and each Markdown document's source to its review", async () => {
    const dir = reviewsDir({
      "amber/report.pdf": await makePdf({ pages: 2, tagged: true, title: "Report", language: "en-GB" }),
      "amber/report.md": "## One\n\nText.",
    });
    const result = await addDocumentFacts([review("amber", ["report.pdf", "report.md"])], { reviewsDir: dir });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const [pdf, md] = result.reviews[0]!.documents as { facts?: unknown }[];
    expect(pdf!.facts).toMatchObject({ format: "pdf", pages: 2, tagged: true, title: "Report", language: "en-GB", hasText: true });
    expect(md!.facts).toEqual({ format: "markdown", source: "## One\n\nText." });
    // Plain JSON: the facts travel to Eleventy's process in a file.
    expect(JSON.parse(JSON.stringify(result.reviews))).toEqual(result.reviews);
  });

  it("warns about a PDF that is untagged, has no title, no language or no text, naming the review, the file and what is missing", async () => {
    const dir = reviewsDir({ "amber/scan.pdf": await makePdf({ lines: [] }) });
    const result = await addDocumentFacts([review("amber", ["scan.pdf"])], { reviewsDir: dir });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([
      'reviews/amber/scan.pdf, review "amber", field "documents[1].file": this PDF is not accessible: it is not tagged, so a screen reader cannot tell its headings, lists and tables, has no title, has no language set and has no text that can be read aloud (it may be a scan). Export it again as a tagged PDF with a title and language, or publish an HTML version; the accessibility statement lists it until then.',
    ]);
  });

  it("makes a PDF that cannot be read a data error naming the review and file", async () => {
    const dir = reviewsDir({ "amber/locked.pdf": await encryptedPdf(), "amber/fake.pdf": "just text" });
    const result = await addDocumentFacts([review("amber", ["locked.pdf", "fake.pdf"])], { reviewsDir: dir });
    expect(result.errors.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^reviews\/amber\/locked\.pdf, review "amber", field "documents\[1\]\.file": this PDF cannot be published: it is encrypted with a password/,
      ),
      expect.stringMatching(/^reviews\/amber\/fake\.pdf, review "amber", field "documents\[2\]\.file": this PDF cannot be published: it is not a PDF/),
    ]);
  });

  it("warns when a Markdown document's headings skip a level", async () => {
    const dir = reviewsDir({ "amber/report.md": "## Findings\n\n#### Detail\n\nText." });
    const result = await addDocumentFacts([review("amber", ["report.md"])], { reviewsDir: dir });
    expect(result.warnings.map(formatProblem)).toEqual([
      'reviews/amber/report.md, review "amber", field "documents[1].file": its headings skip a level (the heading "Detail" is level 4 after level 2), which breaks the outline a screen reader offers: use ## for sections and ### under them.',
    ]);
  });

  it("reads an unchanged PDF once, by its content hash, and again when it changes", async () => {
    const dir = reviewsDir({ "amber/report.pdf": await makePdf({ pages: 2 }) });
    const cacheFile = path.join(dir, ".cache", "document-facts.json");
    let reads = 0;
    const readPdf = async (bytes: Uint8Array): Promise<PdfFacts> => {
      reads++;
      return readPdfFacts(bytes);
    };
    const reviews = [review("amber", ["report.pdf"])];
    const first = await addDocumentFacts(reviews, { reviewsDir: dir, cacheFile, readPdf });
    const second = await addDocumentFacts(reviews, { reviewsDir: dir, cacheFile, readPdf });
    expect(reads).toBe(1);
    expect(second.reviews).toEqual(first.reviews);
    writeFileSync(path.join(dir, "amber", "report.pdf"), await makePdf({ pages: 3 }));
    const third = await addDocumentFacts(reviews, { reviewsDir: dir, cacheFile, readPdf });
    expect(reads).toBe(2);
    expect((third.reviews[0]!.documents[0] as { facts: PdfFacts }).facts.pages).toBe(3);
  });
});
