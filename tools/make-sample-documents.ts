/**
 * Writes the clearly fictional documents that the sample reviews point to: multi-page PDFs with
 * real text, and Markdown reports (published as HTML pages). Most PDFs are printed from HTML by
 * Chromium, which tags them and gives them the page's title and language; the ones named in
 * UNTAGGED are made with pdf-lib, untagged (and one without title or language), so that the
 * accessibility audit and the statement have something to show.
 * Run after changing the sample data: `npx tsx tools/make-sample-documents.ts` (needs /usr/bin/chromium
 * or CHROME_PATH). The files are committed; the build never runs this.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { DOCUMENT_KIND_LABELS } from "../src/catalogue/documents.ts";
import { chromiumArgs } from "../src/checks/chromium.ts";
import type { DocumentKind } from "../src/model/review.ts";

interface SampleReview {
  id: string;
  title: string;
  type: string;
  summary?: string;
  themes?: string[];
  documents?: { kind: DocumentKind; title: string; file?: string }[];
}

/** Made with pdf-lib, untagged: `bare` ones also have no title or language. */
const UNTAGGED: Record<string, { bare: boolean }> = { "baby-b/action-plan.pdf": { bare: false }, "child-n/learning-brief.pdf": { bare: true } };

const plain = (text: string) => text.replace(/\*\*/g, "").replace(/\n+/g, " ");

/** The report's sections: a heading and its paragraphs, from the review's own summary and themes. */
function sections(review: SampleReview, doc: { kind: DocumentKind; title: string }): { heading: string; paragraphs: string[] }[] {
  const themes = review.themes?.length ? review.themes.join(", ") : "the family's circumstances";
  return [
    {
      heading: "About this document",
      paragraphs: [
        `FICTIONAL SAMPLE DOCUMENT. This ${DOCUMENT_KIND_LABELS[doc.kind].toLowerCase()} was written for the demonstration site. It describes no real child, family or professional.`,
        review.summary ? plain(review.summary) : `${review.title} is a fictional ${review.type} used to show how reports are published.`,
      ],
    },
    {
      heading: "Background",
      paragraphs: [
        `The review panel met six times. It read the records of every agency that knew ${review.title} and the family, and spoke with the practitioners involved. The themes it considered were ${themes}.`,
        "Family members were invited to contribute. Their views are reflected throughout this report, and the panel thanks them for the time they gave.",
      ],
    },
    {
      heading: "What happened",
      paragraphs: [
        "Over the period under review, several agencies held part of the picture. Health visitors, the school and the police each recorded concerns, but no single professional brought them together.",
        "The panel found examples of good practice: practitioners who were curious, who checked what they were told, and who escalated their concerns when they were not satisfied with the response.",
      ],
    },
    {
      heading: "Findings",
      paragraphs: [
        `Finding 1: information about ${themes} was held by more than one agency but not shared at the point it would have changed the plan.`,
        "Finding 2: the voice of the child was recorded, but what the child said did not always shape what happened next.",
        "Finding 3: supervision gave practitioners time to reflect, but did not always test the assumptions made about the adults in the household.",
      ],
    },
    {
      heading: "Recommendations",
      paragraphs: [
        "The partnership should check that its information-sharing guidance is understood by front-line staff in every agency, and audit its use within twelve months.",
        "Agencies should make sure that plans record what the child has said and how it changed the plan. The partnership will publish a learning brief for practitioners.",
      ],
    },
  ];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A tagged PDF with the page's title and language, printed by Chromium from HTML; each section starts a page. */
function chromiumPdf(review: SampleReview, doc: { kind: DocumentKind; title: string }, work: string): Uint8Array {
  const title = `${review.title}: ${doc.title}`;
  const body = sections(review, doc)
    .map(
      (s, i) =>
        `<section${i ? ' style="page-break-before: always"' : ""}><h2>${escapeHtml(s.heading)}</h2>${s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("")}</section>`,
    )
    .join("\n");
  const html = path.join(work, "page.html");
  writeFileSync(
    html,
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>body{font-family:sans-serif;font-size:12pt;margin:2cm}</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
  );
  const out = path.join(work, "out.pdf");
  const chrome = process.env.CHROME_PATH || "/usr/bin/chromium";
  execFileSync(
    chrome,
    ["--headless", ...chromiumArgs({ uid: process.getuid?.(), env: process.env }), "--no-pdf-header-footer", `--print-to-pdf=${out}`, `file://${html}`],
    { stdio: "ignore" },
  );
  return readFileSync(out);
}

/** An untagged PDF with the same text, made with pdf-lib (which never tags). */
async function untaggedPdf(review: SampleReview, doc: { kind: DocumentKind; title: string }, bare: boolean): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const title = `${review.title}: ${doc.title}`;
  if (!bare) {
    pdf.setTitle(title);
    pdf.setLanguage("en-GB");
  }
  for (const date of [pdf.setCreationDate, pdf.setModificationDate]) date.call(pdf, new Date("2026-01-01T00:00:00Z"));
  pdf.setProducer("learning-reviews sample generator");
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const [i, section] of sections(review, doc).entries()) {
    const page = pdf.addPage([595, 842]);
    let y = 770;
    if (i === 0) {
      page.drawText(title, { x: 56, y, size: 20, font: bold });
      y -= 36;
    }
    page.drawText(section.heading, { x: 56, y, size: 14, font: bold });
    y -= 24;
    for (const paragraph of section.paragraphs) {
      for (const line of wrap(paragraph, 85)) {
        page.drawText(line, { x: 56, y, size: 11, font });
        y -= 16;
      }
      y -= 8;
    }
  }
  return pdf.save({ useObjectStreams: false });
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (`${line} ${word}`.trim().length > width) {
      lines.push(line);
      line = word;
    } else line = `${line} ${word}`.trim();
  }
  if (line) lines.push(line);
  return lines;
}

/** A Markdown report: `##` sections, published by the build as an HTML page with a contents list. */
function markdownReport(review: SampleReview, doc: { kind: DocumentKind; title: string }): string {
  return `${sections(review, doc)
    .map((s) => `## ${s.heading}\n\n${s.paragraphs.join("\n\n")}\n`)
    .join("\n")}`;
}

const root = process.cwd();
const reviews = JSON.parse(readFileSync(path.join(root, "_data", "reviews.json"), "utf8")) as SampleReview[];
const work = mkdtempSync(path.join(tmpdir(), "lr-samples-"));
let count = 0;
try {
  for (const review of reviews) {
    for (const doc of review.documents ?? []) {
      if (!doc.file) continue;
      const folder = path.join(root, "reviews", review.id);
      mkdirSync(folder, { recursive: true });
      const key = `${review.id}/${doc.file}`;
      const untagged = UNTAGGED[key];
      const bytes = doc.file.endsWith(".md")
        ? markdownReport(review, doc)
        : untagged
          ? await untaggedPdf(review, doc, untagged.bare)
          : chromiumPdf(review, doc, work);
      writeFileSync(path.join(folder, doc.file), bytes);
      count++;
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`Wrote ${count} sample documents into reviews/.`);
