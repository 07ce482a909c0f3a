/**
 * A small, valid one-page PDF that says what it is: made in code, so fixture
 * projects need no committed documents.
 */
export function fixturePdf(title: string, extra: string[] = []): string {
  const lines = [
    title,
    "FICTIONAL TEST DOCUMENT. It describes no real child, family or professional.",
    ...extra,
    ...Array.from({ length: 30 }, (_, i) => `Line ${i + 1} of the fixture text, so that the file weighs a few kilobytes.`),
  ];
  const text = lines.map((line, i) => `BT /F1 ${i ? 10 : 16} Tf 56 ${780 - i * 20} Td (${line.replace(/[\\()]/g, "\\$&")}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  return `${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

/** Phrases that appear only inside one fixture document, for tests of search inside reports. */
export const PHRASES_INSIDE: Record<string, string> = {
  "child-amber/overview-report.pdf": "marigold escalation pathway",
  "child-hazel/overview-report.pdf": "copper kettle agreement",
};

/** A fixture Markdown report: published as an HTML page with a contents list. */
export function fixtureMarkdown(title: string): string {
  return `## Introduction\n\nFICTIONAL TEST DOCUMENT: ${title}.\n\n## What happened\n\nAgencies each held part of the picture.\n\n### In the school\n\nConcerns were recorded.\n\n## Recommendations\n\nShare what you know.\n`;
}

/** A fixture document for every document file the reviews point to, keyed `<id>/<file>` as `reviews/` holds them. */
export function documentsOf(reviews: Record<string, unknown>[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const review of reviews) {
    for (const doc of (review.documents ?? []) as { title: string; file?: string }[]) {
      if (!doc.file) continue;
      const key = `${review.id}/${doc.file}`;
      const title = `${review.title}: ${doc.title}`;
      const phrase = PHRASES_INSIDE[key];
      files[key] = doc.file.endsWith(".md") ? fixtureMarkdown(title) : fixturePdf(title, phrase ? [`The panel agreed the ${phrase} with every agency.`] : []);
    }
  }
  return files;
}
