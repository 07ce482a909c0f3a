import type { TemplateData, TemplateReview as ReviewView } from "../src/catalogue/template-data.ts";
import { html, trusted, type Html } from "../src/eleventy/html.ts";

/**
 * A listed review's page, 10,000 of the site's pages at 10,000 reviews: a TypeScript template, not Nunjucks,
 * for the time and memory that costs (docs/design.md, Performance). Every value from the data is escaped by
 * `html` as Nunjucks' autoescape did; the layout (`_includes/layouts/base.njk`) escapes the title.
 */
export const data = {
  layout: "layouts/base.njk",
  pagination: { data: "catalogue.listed", size: 1, alias: "review", addAllPagesToCollections: true },
  permalink: (data: { review: ReviewView }) => data.review.url,
  eleventyComputed: {
    title: (data: { review: ReviewView }) => `${data.review.title}: ${data.review.typeName}`,
    // Its own: type, area, date and the summary's first sentence, never "published" for a delayed review (src/catalogue/citation.ts).
    description: (data: { review: ReviewView }) => data.review.citation.description,
    // The layout's citation tags and JSON-LD; a removal notice has none.
    citation: (data: { review: ReviewView }) => data.review.citation,
  },
};

type Catalogue = Pick<TemplateData, "contact" | "support" | "retentionText">;
type Footnote = NonNullable<ReviewView["footnote"]>;

/** As _includes/partials/footnote-marker.njk: the code shown, what it means read out. */
const footnoteMarker = (footnote: Footnote, spoken: string) =>
  html`<a class="footnote-marker" href="#${footnote.anchor}"><span aria-hidden="true">${footnote.code}</span><span class="visually-hidden">${spoken}</span></a>`;

/** As _includes/partials/contact.njk. */
const contactLinks = (contact: Catalogue["contact"]) =>
  html`email <a href="mailto:${contact.email}">${contact.email}</a> or call <a href="${contact.tel}">${contact.phone}</a>`;

/** As _includes/partials/content-notice.njk: first after the heading; not indexed for search. */
function contentNotice({ support }: Catalogue): Html {
  const services = support.services.map(
    (service) => html`    <li><a href="${service.url}">${service.name}</a>, for ${service.for}: call <a href="${service.tel}">${service.phone}</a></li>\n`,
  );
  return html`
<aside class="content-notice" aria-labelledby="content-notice-heading" data-pagefind-ignore>
  <h2 id="content-notice-heading">${support.heading}</h2>
  <p>${support.text}</p>
  <ul>
${services}  </ul>
  <p><strong>${support.emergency}</strong></p>
</aside>
`;
}

/** The documents come first after the notice, so that on a phone they are within the first screen or two (test/browser/review-layout.test.ts). */
function documents(review: ReviewView, catalogue: Catalogue): Html {
  if (!review.documents.length) return html`<p>No documents are published for this review${review.footnote && ": see the note below"}.</p>\n`;
  const items = review.documents.map(
    (doc) =>
      html`  <li id="${doc.anchor}"><a href="${doc.href}">${doc.linkText}</a>${doc.accessibilityNote && html`    <p class="document-note">${doc.accessibilityNote}</p>`}</li>\n`,
  );
  return html`<ul class="documents">
${items}</ul>
<p>To ask for a document in another format, such as accessible PDF, large print or audio, ${contactLinks(catalogue.contact)}.</p>
`;
}

function about(review: ReviewView, catalogue: Catalogue): Html {
  const { links } = review;
  const published = review.published
    ? html`<time datetime="${review.published}">${review.publishedText}</time> <span class="count">(<a href="${links.year?.url}" data-pagefind-filter="year:${review.year}">${links.year?.countText}</a>)</span>`
    : review.publishedText;
  const status = review.status !== "published" && html` data-pagefind-meta="status:${review.statusText}"`;
  const removal =
    review.removalDate &&
    html`  <div><dt>On this site until</dt><dd><time datetime="${review.removalDate}">${review.removalDateText}</time> (Serious Case Reviews stay for ${catalogue.retentionText})</dd></div>\n`;
  const themes =
    review.themes.length > 0 &&
    html`  <div><dt>Themes</dt><dd><ul class="themes">${links.themes.map((theme) => html`<li><a href="${theme.url}" data-pagefind-filter="theme">${theme.label}</a> <span class="count">(${theme.countText})</span></li>`)}</ul></dd></div>\n`;
  return html`<dl class="summary-list">
  <div data-pagefind-meta="type:${review.type}"><dt>Type</dt><dd><a href="${links.type.url}" data-pagefind-filter="type:${review.type}">${review.typeName}</a> <span class="count">(${links.type.countText})</span></dd></div>
  <div><dt>Area</dt><dd><a href="${links.area.url}" data-pagefind-filter="area" data-pagefind-meta="area">${review.areaLabel}</a> <span class="count">(${links.area.countText})</span></dd></div>
  <div data-pagefind-meta="published:${review.publishedText}"><dt>Published</dt><dd>${published}</dd></div>
  <div id="status"${status}><dt>Status</dt><dd>${review.statusText}${review.footnote && html` ${footnoteMarker(review.footnote, "see the note")}`}</dd></div>
${removal}${themes}</dl>
`;
}

function note(footnote: Footnote): Html {
  return html`<h2 id="notes">Note</h2>
<dl class="legend">
  <div id="${footnote.anchor}">
    <dt><span aria-hidden="true">${footnote.code}</span><span class="visually-hidden">${footnote.label}</span></dt>
    <dd>${footnote.text} <a href="#status">Back to the review's status</a></dd>
  </div>
</dl>
`;
}

function related(review: ReviewView): Html {
  const items = review.related.map(
    (other) =>
      html`  <li><a href="${other.url}">${other.title}</a> (${other.typeName}, ${other.publishedPhrase}): also about ${other.sharedThemes.join(", ")}</li>\n`,
  );
  return html`<h2 id="related">Related reviews</h2>
<ul class="related">
${items}</ul>
`;
}

/** A listed review's citation (src/catalogue/citation.ts): a plain one to copy, and a RIS file for reference managers. */
function cite(review: ReviewView): Html {
  return html`
<h2 id="cite">Cite this review</h2>
<p>In the Harvard style (Cite Them Right):</p>
<p class="citation">${review.citation.text}</p>
<p>The accessed date is the day this page was made: change it to the day you read the review.</p>
<p class="print-hidden"><a href="${review.citation.risUrl}" download="${review.id}.ris">Download the citation as a RIS file</a> (for reference managers such as Zotero, EndNote and Mendeley)</p>
`;
}

export function render({ review, catalogue }: { review: ReviewView; catalogue: Catalogue }): string {
  const summary = review.summaryHtml && html`<h2 id="summary">Summary</h2>\n<div class="summary">\n${trusted(review.summaryHtml)}\n</div>\n`;
  return html`
<nav aria-label="Breadcrumb" class="breadcrumbs">
  <ol>
    <li><a href="/">Case reviews</a></li>
    <li><a href="${review.links.type.url}">${review.typeName}s</a></li>
  </ol>
</nav>
<div data-pagefind-body>
<h1 data-pagefind-sort="newest:${review.rank.newest}">${review.title}</h1>
<p class="lede" data-pagefind-sort="title:${review.rank.title}">${review.typeName} (${review.type}), ${review.areaLabel}</p>
${contentNotice(catalogue)}
<div data-pagefind-ignore>
<h2 id="documents">Documents</h2>
${documents(review, catalogue)}</div>
<h2 id="about">About this review</h2>
${about(review, catalogue)}${summary}</div>
${review.footnote && note(review.footnote)}${review.related.length > 0 && related(review)}${cite(review)}`.markup;
}
