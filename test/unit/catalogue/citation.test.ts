import { describe, expect, it } from "vitest";
import { buildCatalogue, type ReviewView } from "../../../src/catalogue/index.ts";
import { firstSentence, risRecord, safeJsonForScript } from "../../../src/catalogue/citation.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import type { Review } from "../../../src/model/review.ts";
import { fixtureSite } from "../../helpers/site.ts";

const site = { ...(fixtureSite() as unknown as SiteSettings), url: "https://www.example.org/review" };
const PARTNERSHIP = site.partnership.name;
const HOSTILE = "Child </script><script>alert(1)</script>\u2028\u2029 & <b>";

function review(id: string, fields: Partial<Review>): Review {
  return { id, title: id, type: "CSPR", area: "northshire", status: "published", published: "2025-01-01", themes: [], documents: [], ...fields };
}

const report = { kind: "overview-report", title: "Overview report", file: "overview report.pdf", bytes: 4096 } as const;
const catalogue = buildCatalogue(
  [
    review("live-scr", {
      type: "SCR",
      title: "Child Live",
      published: "2026-01-10",
      summary: "Child Live was hurt at **home**, see [the brief](https://example.org/b). The review found more.",
      themes: ["neglect", "safe sleep"],
      documents: [report],
    }),
    review("withheld", { status: "withheld", published: "2026-02-03", summary: "Only the brief is out. More.", documents: [] }),
    review("delayed-dated", { status: "delayed", published: "2025-10-08", summary: "A child moved areas.", documents: [report] }),
    review("delayed-undated", { status: "delayed", published: undefined, documents: [] }),
    review("hostile", { title: HOSTILE, summary: "Line one\u2028still one. Two.", themes: ["a\r\nb"] }),
  ],
  site,
  "2026-11-26",
);
const view = (id: string): ReviewView => catalogue.listed.find((r) => r.id === id)!;
const meta = (id: string) => view(id).citation.meta.map(({ name, content }) => `${name}=${content}`);

describe("a review's own description, for search results and shared links", () => {
  it("says its type, area and date, then the summary's first sentence as plain text", () => {
    expect(view("live-scr").citation.description).toBe(
      "Serious Case Review, Northshire, published 10 January 2026. Child Live was hurt at home, see the brief.",
    );
  });

  it("says a withheld review's overview report is not published", () => {
    expect(view("withheld").citation.description).toBe(
      "Child Safeguarding Practice Review, Northshire, published 3 February 2026; its overview report is not published. Only the brief is out.",
    );
  });

  it("never says a delayed review is published, dated or not", () => {
    expect(view("delayed-dated").citation.description).toBe(
      "Child Safeguarding Practice Review, Northshire, on this site since 8 October 2025; publication of the overview report is delayed. A child moved areas.",
    );
    expect(view("delayed-undated").citation.description).toBe("Child Safeguarding Practice Review, Northshire: publication is delayed.");
    for (const id of ["delayed-dated", "delayed-undated"]) expect(view(id).citation.description).not.toMatch(/\bpublished\b/i);
  });

  it("cuts a first sentence that runs on at a word, within 200 characters", () => {
    const long = `${"word ".repeat(80)}end`;
    const cut = firstSentence(long);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut).toMatch(/^word( word)+…$/);
    expect(firstSentence("")).toBe("");
    expect(firstSentence("Dr Smith saw her. Then.")).toBe("Dr Smith saw her.");
  });
});

describe("citation tags (Google Scholar, Zotero)", () => {
  it("name the review, the partnership as author and publisher, the date and the overview report's PDF", () => {
    expect(meta("live-scr")).toEqual([
      "citation_title=Child Live: Serious Case Review",
      `citation_author=${PARTNERSHIP}`,
      `citation_publisher=${PARTNERSHIP}`,
      `citation_technical_report_institution=${PARTNERSHIP}`,
      "citation_publication_date=2026/01/10",
      "citation_language=en",
      "citation_keywords=neglect; safe sleep",
      "citation_public_url=https://www.example.org/review/reviews/live-scr/",
      "citation_abstract_html_url=https://www.example.org/review/reviews/live-scr/",
      "citation_pdf_url=https://www.example.org/review/reviews/live-scr/overview%20report.pdf",
    ]);
  });

  it("give no PDF for a withheld or delayed review, and no date for a delayed one", () => {
    for (const id of ["withheld", "delayed-dated", "delayed-undated"]) expect(meta(id).filter((m) => m.startsWith("citation_pdf_url"))).toEqual([]);
    expect(meta("withheld")).toContain("citation_publication_date=2026/02/03");
    for (const id of ["delayed-dated", "delayed-undated"]) expect(meta(id).filter((m) => m.startsWith("citation_publication_date"))).toEqual([]);
  });
});

describe("schema.org JSON-LD", () => {
  it("is a Report with its name, date, publisher, address, themes and, for an SCR, the day it leaves the site", () => {
    expect(JSON.parse(view("live-scr").citation.jsonLd)).toEqual({
      "@context": "https://schema.org",
      "@type": "Report",
      name: "Child Live: Serious Case Review",
      description: view("live-scr").citation.description,
      url: "https://www.example.org/review/reviews/live-scr/",
      inLanguage: "en-GB",
      author: { "@type": "Organization", name: PARTNERSHIP },
      publisher: { "@type": "Organization", name: PARTNERSHIP, url: "https://www.example.org/review" },
      datePublished: "2026-01-10",
      expires: "2027-01-10",
      about: [
        { "@type": "Thing", name: "neglect" },
        { "@type": "Thing", name: "safe sleep" },
      ],
      keywords: "neglect, safe sleep",
    });
    expect(JSON.parse(view("withheld").citation.jsonLd)).not.toHaveProperty("expires");
    expect(JSON.parse(view("delayed-dated").citation.jsonLd)).not.toHaveProperty("datePublished");
  });

  it("cannot end its script element or a JavaScript string, whatever the title holds", () => {
    const json = view("hostile").citation.jsonLd;
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json).name).toBe(`${HOSTILE}: Child Safeguarding Practice Review`);
    expect(safeJsonForScript({ a: "</script>\u2028" })).toBe('{"a":"\\u003c/script\\u003e\\u2028"}');
  });
});

describe("the plain citation and the RIS file", () => {
  it("cite a review in the Harvard style (Cite Them Right), accessed on the day the page was made", () => {
    expect(view("live-scr").citation.text).toBe(
      `${PARTNERSHIP} (2026) Child Live: Serious Case Review. Available at: https://www.example.org/review/reviews/live-scr/ (Accessed: 26 November 2026).`,
    );
    expect(view("delayed-undated").citation.text).toBe(
      `${PARTNERSHIP} (no date) delayed-undated: Child Safeguarding Practice Review (publication delayed). Available at: https://www.example.org/review/reviews/delayed-undated/ (Accessed: 26 November 2026).`,
    );
  });

  it("give each review a RIS record at /reviews/<id>/citation.ris, one field a line, ending ER", () => {
    expect(view("live-scr").citation.risUrl).toBe("/reviews/live-scr/citation.ris");
    expect(view("live-scr").citation.ris.split("\r\n")).toEqual([
      "TY  - RPRT",
      "TI  - Child Live: Serious Case Review",
      `AU  - ${PARTNERSHIP}`,
      `PB  - ${PARTNERSHIP}`,
      "PY  - 2026",
      "DA  - 2026/01/10",
      "UR  - https://www.example.org/review/reviews/live-scr/",
      "L1  - https://www.example.org/review/reviews/live-scr/overview%20report.pdf",
      "KW  - neglect",
      "KW  - safe sleep",
      "AB  - Child Live was hurt at home, see the brief. The review found more.",
      "LA  - en-GB",
      "ER  - ",
      "",
    ]);
  });

  it("keep every RIS field on its line: line breaks in the data become spaces", () => {
    const lines = view("hostile").citation.ris.split("\r\n");
    expect(lines).toContain(`TI  - Child </script><script>alert(1)</script> & <b>: Child Safeguarding Practice Review`);
    expect(lines).toContain("KW  - a b");
    expect(lines).toContain("AB  - Line one still one. Two.");
    expect(lines.every((line) => /^([A-Z][A-Z0-9] {2}- .*)?$/.test(line) && !/[\n\r\u2028\u2029\u0085]/.test(line))).toBe(true);
    expect(risRecord([["TI", "a\nb\u0085c\u000bd"]])).toBe("TY  - RPRT\r\nTI  - a b c d\r\nER  - \r\n");
  });
});
