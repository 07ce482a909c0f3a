/**
 * The logic around the PDF reader (which facts go where, the warnings and
 * errors, the cache) with a stand-in reader, so no PDF is read here: each
 * "PDF" holds, after `%PDF-`, the facts it is to be read as. The real reader,
 * in its child process, is tested in test/build/document-facts.test.ts and test/build/pdf-facts.test.ts.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addDocumentFacts } from "../../../src/content/document-facts.ts";
import { UnreadablePdf } from "../../../src/content/pdf-facts.ts";
import { formatProblem } from "../../../src/model/problems.ts";
import type { PdfFacts, Review } from "../../../src/model/review.ts";
import { reviewsDir, reviewWithFiles } from "../../helpers/document-folders.ts";

const accessible: PdfFacts = { format: "pdf", pages: 2, title: "Report", language: "en-GB", tagged: true, hasText: true, text: "What agencies knew." };

/** A file the stand-in reader reads as `facts`, or as unreadable (`why`), or crashes on. */
const fakePdf = (facts: PdfFacts | { unreadable: string } | "crash") => `%PDF-${JSON.stringify(facts)}`;

/** The stand-in reader, and the files' contents in the order it was asked to read them. */
function standInReader() {
  const reads: string[] = [];
  const readPdf = async (bytes: Uint8Array): Promise<PdfFacts> => {
    const text = Buffer.from(bytes).toString("utf8");
    reads.push(text);
    const said = JSON.parse(text.slice("%PDF-".length)) as PdfFacts | { unreadable: string } | "crash";
    if (said === "crash") throw new TypeError("the reader itself broke");
    if ("unreadable" in said) throw new UnreadablePdf(said.unreadable);
    return said;
  };
  return { reads, readPdf };
}

const factsOf = (result: { reviews: Review[] }, r = 0, d = 0) => (result.reviews[r]!.documents[d] as { facts?: unknown }).facts;

describe("addDocumentFacts, with a stand-in reader", () => {
  it("adds each PDF's facts, as the reader gave them, and each Markdown document's source to its review", async () => {
    const dir = reviewsDir({ "amber/report.pdf": fakePdf(accessible), "amber/report.md": "## One\n\nText." });
    const result = await addDocumentFacts([reviewWithFiles("amber", ["report.pdf", "report.md"])], { reviewsDir: dir, ...standInReader() });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(factsOf(result, 0, 0)).toEqual(accessible);
    expect(factsOf(result, 0, 1)).toEqual({ format: "markdown", source: "## One\n\nText." });
    // Plain JSON: the facts travel to Eleventy's process in a file.
    expect(JSON.parse(JSON.stringify(result.reviews))).toEqual(result.reviews);
  });

  it("leaves documents it does not look inside as they were, and never asks the reader about them", async () => {
    const dir = reviewsDir({ "amber/notes.docx": "not read", "amber/REPORT.PDF": fakePdf(accessible) });
    const link = { kind: "other" as const, title: "Elsewhere", url: "https://example.org/report" };
    const reader = standInReader();
    const reviews = [
      { ...reviewWithFiles("amber", ["notes.docx", "REPORT.PDF"]), documents: [...reviewWithFiles("amber", ["notes.docx", "REPORT.PDF"]).documents, link] },
    ];
    const result = await addDocumentFacts(reviews, { reviewsDir: dir, ...reader });
    expect(result.reviews[0]!.documents[0]).toEqual(reviews[0]!.documents[0]);
    expect(result.reviews[0]!.documents[2]).toEqual(link);
    // An upper-case .PDF is still a PDF.
    expect(factsOf(result, 0, 1)).toEqual(accessible);
    expect(reader.reads).toEqual([fakePdf(accessible)]);
  });

  it("warns about a PDF that is untagged, has no title, no language or no text, naming the review, the file and what is missing", async () => {
    const scan = { ...accessible, tagged: false, title: null, language: null, hasText: false, text: "" };
    const dir = reviewsDir({ "amber/scan.pdf": fakePdf(scan) });
    const result = await addDocumentFacts([reviewWithFiles("amber", ["scan.pdf"])], { reviewsDir: dir, ...standInReader() });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([
      'reviews/amber/scan.pdf, review "amber", field "documents[1].file": this PDF is not accessible: it is not tagged, so a screen reader cannot tell its headings, lists and tables, has no title, has no language set and has no text that can be read aloud (it may be a scan). Export it again as a tagged PDF with a title and language, or publish an HTML version; the accessibility statement lists it until then.',
    ]);
    // The facts are kept, warning or not: the accessibility statement lists the PDF from them.
    expect(factsOf(result)).toEqual(scan);
  });

  it("names only what is missing: a tagged PDF with text but no language", async () => {
    const dir = reviewsDir({ "amber/report.pdf": fakePdf({ ...accessible, language: null }) });
    const result = await addDocumentFacts([reviewWithFiles("amber", ["report.pdf"])], { reviewsDir: dir, ...standInReader() });
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^this PDF is not accessible: it has no language set\. Export it again/)]);
  });

  it("makes a PDF the reader cannot read a data error naming the review, file and field, and goes on with the others", async () => {
    const dir = reviewsDir({
      "amber/locked.pdf": fakePdf({ unreadable: "it is encrypted with a password, so its text cannot be read: save it again without a password." }),
      "amber/report.pdf": fakePdf(accessible),
      "hazel/fake.pdf": fakePdf({ unreadable: "it is not a PDF (it does not start with %PDF-)." }),
    });
    const result = await addDocumentFacts([reviewWithFiles("amber", ["locked.pdf", "report.pdf"]), reviewWithFiles("hazel", ["fake.pdf"])], {
      reviewsDir: dir,
      ...standInReader(),
    });
    expect(result.errors.map(formatProblem)).toEqual([
      'reviews/amber/locked.pdf, review "amber", field "documents[1].file": this PDF cannot be published: it is encrypted with a password, so its text cannot be read: save it again without a password.',
      'reviews/hazel/fake.pdf, review "hazel", field "documents[1].file": this PDF cannot be published: it is not a PDF (it does not start with %PDF-).',
    ]);
    // The unreadable PDF is left out of its review; the readable one beside it keeps its facts.
    expect(result.reviews[0]!.documents.map((doc) => ("file" in doc ? doc.file : ""))).toEqual(["report.pdf"]);
    expect(factsOf(result, 0, 0)).toEqual(accessible);
  });

  it("fails, rather than publishing without facts, when the reader itself breaks", async () => {
    const dir = reviewsDir({ "amber/report.pdf": fakePdf("crash") });
    await expect(addDocumentFacts([reviewWithFiles("amber", ["report.pdf"])], { reviewsDir: dir, ...standInReader() })).rejects.toThrow(
      "the reader itself broke",
    );
  });

  it("warns when a Markdown document's headings skip a level", async () => {
    const dir = reviewsDir({ "amber/report.md": "## Findings\n\n#### Detail\n\nText." });
    const result = await addDocumentFacts([reviewWithFiles("amber", ["report.md"])], { reviewsDir: dir, ...standInReader() });
    expect(result.warnings.map(formatProblem)).toEqual([
      'reviews/amber/report.md, review "amber", field "documents[1].file": its headings skip a level (the heading "Detail" is level 4 after level 2), which breaks the outline a screen reader offers: use ## for sections and ### under them.',
    ]);
  });

  it("reads an unchanged PDF once, by its content hash, and again when it changes", async () => {
    const dir = reviewsDir({ "amber/report.pdf": fakePdf(accessible) });
    const cacheFile = path.join(dir, ".cache", "document-facts.json");
    const reader = standInReader();
    const reviews = [reviewWithFiles("amber", ["report.pdf"])];
    const first = await addDocumentFacts(reviews, { reviewsDir: dir, cacheFile, ...reader });
    const second = await addDocumentFacts(reviews, { reviewsDir: dir, cacheFile, ...reader });
    expect(reader.reads).toHaveLength(1);
    expect(second.reviews).toEqual(first.reviews);
    writeFileSync(path.join(dir, "amber", "report.pdf"), fakePdf({ ...accessible, pages: 3 }));
    const third = await addDocumentFacts(reviews, { reviewsDir: dir, cacheFile, ...reader });
    expect(reader.reads).toHaveLength(2);
    expect(factsOf(third)).toMatchObject({ pages: 3 });
  });

  it("reads the PDFs again when the cache file is damaged or from another version of the build", async () => {
    const dir = reviewsDir({ "amber/report.pdf": fakePdf(accessible) });
    const cacheFile = path.join(dir, ".cache", "document-facts.json");
    const reader = standInReader();
    const reviews = [reviewWithFiles("amber", ["report.pdf"])];
    await addDocumentFacts(reviews, { reviewsDir: dir, cacheFile, ...reader });
    writeFileSync(cacheFile, '{"version": 1, "entries": {'); // cut short
    await addDocumentFacts(reviews, { reviewsDir: dir, cacheFile, ...reader });
    writeFileSync(cacheFile, JSON.stringify({ version: 0, entries: {} }));
    const result = await addDocumentFacts(reviews, { reviewsDir: dir, cacheFile, ...reader });
    expect(reader.reads).toHaveLength(3);
    expect(factsOf(result)).toEqual(accessible);
  });

  it("keeps in the cache only the PDFs still in use, so it does not grow with files long gone", async () => {
    const dir = reviewsDir({ "amber/old.pdf": fakePdf({ ...accessible, title: "Old" }), "amber/new.pdf": fakePdf({ ...accessible, title: "New" }) });
    const cacheFile = path.join(dir, ".cache", "document-facts.json");
    const reader = standInReader();
    await addDocumentFacts([reviewWithFiles("amber", ["old.pdf", "new.pdf"])], { reviewsDir: dir, cacheFile, ...reader });
    await addDocumentFacts([reviewWithFiles("amber", ["new.pdf"])], { reviewsDir: dir, cacheFile, ...reader });
    // old.pdf, dropped from the cache, is read again when it comes back; new.pdf never is.
    await addDocumentFacts([reviewWithFiles("amber", ["old.pdf", "new.pdf"])], { reviewsDir: dir, cacheFile, ...reader });
    expect(reader.reads.map((text) => (JSON.parse(text.slice(5)) as PdfFacts).title)).toEqual(["Old", "New", "Old"]);
  });
});
