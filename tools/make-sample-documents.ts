/**
 * Writes the small, clearly fictional PDF files that the sample reviews point to.
 * Run once after changing the sample data: `npx tsx tools/make-sample-documents.ts`.
 * The files are committed; the build never runs this.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { DOCUMENT_KIND_LABELS } from "../src/catalogue/documents.ts";
import type { DocumentKind } from "../src/model/review.ts";

interface SampleReview {
  id: string;
  title: string;
  type: string;
  summary?: string;
  documents?: { kind: DocumentKind; title: string; file?: string }[];
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.replace(/\*\*/g, "").split(/\s+/)) {
    if ((line + " " + word).trim().length > width) {
      lines.push(line);
      line = word;
    } else line = (line + " " + word).trim();
  }
  if (line) lines.push(line);
  return lines;
}

async function samplePdf(review: SampleReview, doc: { kind: DocumentKind; title: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const title = `${review.title}: ${doc.title}`;
  pdf.setTitle(title);
  pdf.setAuthor("Sample partnership (fictional)");
  pdf.setLanguage("en-GB");
  pdf.setCreationDate(new Date("2026-01-01T00:00:00Z"));
  pdf.setModificationDate(new Date("2026-01-01T00:00:00Z"));
  pdf.setProducer("learning-reviews sample generator");
  pdf.setCreator("learning-reviews sample generator");
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  page.drawText(title, { x: 56, y: 770, size: 20, font: bold });
  page.drawText(`${DOCUMENT_KIND_LABELS[doc.kind]} - ${review.type}`, { x: 56, y: 744, size: 12, font });
  const body = [
    "FICTIONAL SAMPLE DOCUMENT.",
    "This file was made for the demonstration site. It describes no real child, family or professional.",
    "",
    ...(review.summary ? wrap(review.summary, 80) : []),
  ];
  let y = 710;
  for (const line of body.flatMap((l) => (l ? wrap(l, 80) : [""]))) {
    page.drawText(line, { x: 56, y, size: 11, font });
    y -= 16;
  }
  return pdf.save({ useObjectStreams: false });
}

const root = process.cwd();
const reviews = JSON.parse(readFileSync(path.join(root, "_data", "reviews.json"), "utf8")) as SampleReview[];
let count = 0;
for (const review of reviews) {
  for (const doc of review.documents ?? []) {
    if (!doc.file) continue;
    const folder = path.join(root, "reviews", review.id);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, doc.file), await samplePdf(review, doc));
    count++;
  }
}
console.log(`Wrote ${count} sample documents into reviews/.`);
