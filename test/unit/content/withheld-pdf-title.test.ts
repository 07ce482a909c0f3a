import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addDocumentFacts } from "../../../src/content/document-facts.ts";
import { formatProblem } from "../../../src/model/problems.ts";
import type { PdfFacts, Review } from "../../../src/model/review.ts";
import { temporaryFolder } from "../../helpers/temporary.ts";

/**
 * The withheld rule by the title saved inside a PDF: a withheld review's PDF
 * whose own title says "overview" is refused, whatever its entry in the data
 * says. The PDF's facts are given directly (the reading seam), so no PDF is read.
 */

const facts = (title: string | null): PdfFacts => ({ format: "pdf", pages: 3, title, language: "en-GB", tagged: true, hasText: true, text: "Text." });

function review(id: string, status: Review["status"], file = "learning-brief.pdf"): Review {
  return {
    id,
    title: `Child ${id}`,
    type: "SCR",
    area: "southvale",
    status,
    published: "2026-02-03",
    themes: [],
    documents: [{ kind: "learning-brief", title: "Learning brief", file, bytes: 9 }],
  };
}

/** A reviews folder with a placeholder file for each review's document: its bytes are only hashed, never read as a PDF. */
function folderFor(reviews: Review[]): string {
  const dir = temporaryFolder("lr-withheld-title-");
  for (const r of reviews)
    for (const doc of r.documents)
      if ("file" in doc) {
        mkdirSync(path.join(dir, r.id), { recursive: true });
        writeFileSync(path.join(dir, r.id, doc.file), `placeholder for ${r.id}/${doc.file}`);
      }
  return dir;
}

async function titleCheck(reviews: Review[], title: string | null, cacheFile?: string) {
  let reads = 0;
  const readPdf = async () => {
    reads++;
    return facts(title);
  };
  const result = await addDocumentFacts(reviews, { reviewsDir: folderFor(reviews), readPdf, ...(cacheFile ? { cacheFile } : {}) });
  return { ...result, reads, messages: result.errors.map(formatProblem) };
}

describe("a withheld review's PDF whose own title says overview", () => {
  it("is refused, naming the file, the review and the field, with why and what to do", async () => {
    const result = await titleCheck([review("child-quill", "withheld")], "Overview report");
    expect(result.messages).toEqual([
      'reviews/child-quill/learning-brief.pdf, review "child-quill", field "documents[1].file": a withheld review must not have an overview report: the decision was taken not to publish it to protect the child and family. This PDF looks like the overview report: the title saved inside the file, "Overview report", reads as "overview". Remove it, or if it is another document, change the title in the document\'s properties (in Word: File, Info, Title) and save it as a PDF again.',
    ]);
    expect(result.reviews[0]!.documents).toEqual([]);
  });

  it.each(["Child Q: OVERVIEW REPORT (final)", "Ovеrview report", "0verview", "Over\u00adview", "Overall report"])(
    "is refused when the title is %j",
    async (title) => {
      const result = await titleCheck([review("child-quill", "withheld")], title);
      expect(result.messages).toEqual([expect.stringContaining("This PDF looks like the overview report: the title saved inside the file")]);
    },
  );

  it("is refused on every build, also when its facts come from the cache", async () => {
    const reviews = [review("child-quill", "withheld")];
    const cacheFile = path.join(temporaryFolder("lr-withheld-cache-"), "facts.json");
    const dir = folderFor(reviews);
    const readPdf = async () => facts("Overview report");
    // Cached while the review was published; then its status changed to withheld.
    await addDocumentFacts([review("child-quill", "published")], { reviewsDir: dir, cacheFile, readPdf });
    let reads = 0;
    const second = await addDocumentFacts(reviews, {
      reviewsDir: dir,
      cacheFile,
      readPdf: async () => {
        reads++;
        return facts("Overview report");
      },
    });
    expect(reads).toBe(0);
    expect(second.errors.map((p) => p.field)).toEqual(["documents[1].file"]);
  });
});

describe("the PDF title check lets through", () => {
  it.each([null, "Learning brief", "Child Q: learning summary", "Executive summary"])("a withheld review's PDF titled %j", async (title) => {
    const result = await titleCheck([review("child-quill", "withheld")], title);
    expect(result.errors).toEqual([]);
    expect(result.reviews[0]!.documents).toHaveLength(1);
  });

  it.each(["published", "delayed"] as const)("an overview report's PDF on a %s review", async (status) => {
    const result = await titleCheck([review("child-quill", status, "overview-report.pdf")], "Overview report");
    expect(result.errors).toEqual([]);
  });
});
