import type { Review } from "../model/review.ts";
import { pdfShortfalls, shortfallCriteria, shortfallText } from "../rules/document-accessibility.ts";
import { documentAddress, documentLinkText, htmlVersionAddress, sortedDocuments } from "./documents.ts";
import type { LinkSite } from "./links.ts";
import { createDocumentRenderer } from "./markdown.ts";
import type { DocumentSearchRecord, HtmlVersionView, InaccessibleDocument, ReviewView } from "./views.ts";

/**
 * What the listed reviews' documents add to the site: a page for each Markdown
 * document, a search record for each PDF's text, and the PDFs the accessibility
 * statement must list; links in an HTML version are read against its own
 * address (see `linkTarget`). Only listed reviews are given, so a removed review's
 * documents have no page, no search record and no line in the statement.
 */
export function documentPages(
  reviews: readonly Review[],
  views: readonly ReviewView[],
  links: LinkSite,
): { htmlVersions: HtmlVersionView[]; records: DocumentSearchRecord[]; inaccessible: InaccessibleDocument[] } {
  const render = createDocumentRenderer(links);
  const viewOf = new Map(views.map((view) => [view.id, view]));
  const htmlVersions: HtmlVersionView[] = [];
  const records: DocumentSearchRecord[] = [];
  const inaccessible: InaccessibleDocument[] = [];
  for (const review of reviews) {
    const view = viewOf.get(review.id)!;
    sortedDocuments(review).forEach((doc, d) => {
      if (!("file" in doc) || !doc.facts) return;
      if (doc.facts.format === "markdown") {
        const url = htmlVersionAddress(review.id, doc.file);
        const { html, contents } = render(doc.facts.source, url);
        const reviewRef = { id: review.id, title: review.title, url: view.url, typeName: view.typeName };
        htmlVersions.push({ url, title: doc.title, review: reviewRef, contents, html });
        return;
      }
      const name = documentLinkText(doc);
      if (doc.facts.text) {
        const filters: Record<string, string[]> = { type: [review.type], area: [view.areaLabel] };
        if (view.year) filters.year = [String(view.year)];
        records.push({ url: `${view.url}#document-${d + 1}`, title: `${review.title}: ${name}`, text: doc.facts.text, filters });
      }
      const shortfalls = pdfShortfalls(doc.facts);
      if (shortfalls.length)
        inaccessible.push({
          reviewTitle: review.title,
          reviewUrl: view.url,
          documentTitle: name,
          href: documentAddress(review.id, doc.file),
          fails: `It ${shortfallText(shortfalls)}.`,
          criteria: shortfallCriteria(shortfalls),
        });
    });
  }
  return { htmlVersions, records, inaccessible };
}
