/**
 * The PDF reader on real PDFs (made in code with pdf-lib, read with pdfjs-dist):
 * here, not in test/unit, because reading PDFs is slow (a 600-page one takes
 * seconds on a shared machine). The logic around the reader is tested in
 * test/unit/content/document-facts.test.ts with a stand-in reader.
 */
import { describe, expect, it } from "vitest";
import { readPdfFacts, TEXT_LIMITS } from "../../src/content/pdf-facts.ts";
import { emptyPdf, encryptedPdf, makePdf } from "../helpers/pdfs.ts";

describe("readPdfFacts", () => {
  it("reads the page count, title, language and text of an untagged PDF", async () => {
    const facts = await readPdfFacts(await makePdf({ pages: 3, title: "Child Amber: Overview report", language: "en-GB" }));
    expect(facts).toMatchObject({ format: "pdf", pages: 3, title: "Child Amber: Overview report", language: "en-GB", tagged: false, hasText: true });
    expect(facts.text).toContain("Page 3, line 40: what agencies knew and what they shared.");
  });

  it("knows a tagged PDF by MarkInfo /Marked true and its structure tree", async () => {
    expect((await readPdfFacts(await makePdf({ tagged: true }))).tagged).toBe(true);
  });

  it("says when there is no title, no language and no text (a scan)", async () => {
    expect(await readPdfFacts(await makePdf({ lines: [] }))).toMatchObject({ pages: 1, title: null, language: null, tagged: false, hasText: false, text: "" });
  });

  it.each([
    ["a file that is not a PDF", async () => new TextEncoder().encode("<html>not a pdf</html>"), /it is not a PDF/],
    ["a PDF cut short", async () => (await makePdf({ pages: 3 })).slice(0, 2000), /cut short/],
    ["a PDF encrypted with a password", encryptedPdf, /encrypted with a password/],
    ["a PDF with no pages", emptyPdf, /it has no pages/],
  ])("refuses %s with a reason", async (_, make, reason) => {
    await expect(readPdfFacts(await make())).rejects.toThrow(reason);
  });

  it("reads a 600-page PDF only so far: its page count, and text from the first pages only", async () => {
    const bytes = await makePdf({ pages: 600 });
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const facts = await readPdfFacts(bytes);
    const ms = performance.now() - started;
    const grewMb = (process.memoryUsage().rss - rss) / 2 ** 20;
    console.log(`600 pages, ${Math.round(bytes.length / 1024)} KB: read in ${Math.round(ms)} ms, resident memory grew ${Math.round(grewMb)} MiB`);
    expect(facts.pages).toBe(600);
    expect(facts.text.length).toBeLessThanOrEqual(TEXT_LIMITS.characters);
    expect(facts.text).not.toContain(`Page ${TEXT_LIMITS.pages + 1},`);
    // Time and memory are reported, not asserted (this machine is shared and noisy): the bound is that only the first pages are read.
  }, 60_000);
});
