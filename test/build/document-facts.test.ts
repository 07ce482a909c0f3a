/**
 * What the build reads from document files, the way a build reads them: real
 * PDFs (made in code) read by pdfjs-dist in a child process (src/content/pdf-elsewhere.ts),
 * with the cache on disk. Slow, so here and not in test/unit; the logic around
 * the reader (warnings, errors, the cache) is tested there with a stand-in reader.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addDocumentFacts } from "../../src/content/document-facts.ts";
import { formatProblem } from "../../src/model/problems.ts";
import type { PdfFacts } from "../../src/model/review.ts";
import { encryptedPdf, makePdf } from "../helpers/pdfs.ts";
import { reviewsDir, reviewWithFiles } from "../helpers/document-folders.ts";

describe("addDocumentFacts on real PDFs, read in a child process", () => {
  it("adds each PDF's facts and each Markdown document's source to its review", async () => {
    const dir = reviewsDir({
      "amber/report.pdf": await makePdf({ pages: 2, tagged: true, title: "Report", language: "en-GB" }),
      "amber/report.md": "## One\n\nText.",
    });
    const result = await addDocumentFacts([reviewWithFiles("amber", ["report.pdf", "report.md"])], { reviewsDir: dir });
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
    const result = await addDocumentFacts([reviewWithFiles("amber", ["scan.pdf"])], { reviewsDir: dir });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([
      'reviews/amber/scan.pdf, review "amber", field "documents[1].file": this PDF is not accessible: it is not tagged, so a screen reader cannot tell its headings, lists and tables, has no title, has no language set and has no text that can be read aloud (it may be a scan). Export it again as a tagged PDF with a title and language, or publish an HTML version; the accessibility statement lists it until then.',
    ]);
  });

  it("makes a PDF that cannot be read a data error naming the review and file", async () => {
    const dir = reviewsDir({ "amber/locked.pdf": await encryptedPdf(), "amber/fake.pdf": "just text" });
    const result = await addDocumentFacts([reviewWithFiles("amber", ["locked.pdf", "fake.pdf"])], { reviewsDir: dir });
    expect(result.errors.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^reviews\/amber\/locked\.pdf, review "amber", field "documents\[1\]\.file": this PDF cannot be published: it is encrypted with a password/,
      ),
      expect.stringMatching(/^reviews\/amber\/fake\.pdf, review "amber", field "documents\[2\]\.file": this PDF cannot be published: it is not a PDF/),
    ]);
  });

  it("keeps what the child process read in the cache, by content hash, and uses it the next time", async () => {
    const dir = reviewsDir({ "amber/report.pdf": await makePdf({ pages: 2, title: "Report" }) });
    const cacheFile = path.join(dir, ".cache", "document-facts.json");
    const reviews = [reviewWithFiles("amber", ["report.pdf"])];
    const first = await addDocumentFacts(reviews, { reviewsDir: dir, cacheFile });
    const cached = JSON.parse(readFileSync(cacheFile, "utf8")) as { entries: Record<string, PdfFacts> };
    expect(Object.values(cached.entries)).toEqual([expect.objectContaining({ pages: 2, title: "Report" })]);
    // What the next build takes is the cache's entry: changed in the cache, it is what comes back.
    const [hash] = Object.keys(cached.entries);
    writeFileSync(cacheFile, JSON.stringify({ ...cached, entries: { [hash!]: { ...cached.entries[hash!]!, title: "From the cache" } } }));
    const second = await addDocumentFacts(reviews, { reviewsDir: dir, cacheFile });
    expect((first.reviews[0]!.documents[0] as { facts: PdfFacts }).facts.title).toBe("Report");
    expect((second.reviews[0]!.documents[0] as { facts: PdfFacts }).facts.title).toBe("From the cache");
  });
});
