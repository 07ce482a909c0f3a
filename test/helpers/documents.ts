import { onePagePdf } from "../../tools/one-page-pdf.ts";

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
  return onePagePdf(lines, { size: 10, firstSize: 16, leading: 20 });
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
