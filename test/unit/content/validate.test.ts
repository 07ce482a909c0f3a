import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseJsonText } from "../../../src/content/json-source.ts";
import { formatProblem } from "../../../src/model/problems.ts";
import { validateReviews } from "../../../src/content/validate.ts";
import { AREA_KEYS, reviewsFolder, validReview } from "../../helpers/reviews.ts";

const PDF = "%PDF-1.4 sample";
const folder = reviewsFolder({ "child-a/overview-report.pdf": PDF, "child-b/overview-report.pdf": PDF, "child-b/brief.pdf": PDF });

function check(reviews: unknown, reviewsDir = folder, buildDate = "2026-11-26") {
  const { source, problems } = parseJsonText(JSON.stringify(reviews, null, 2), "_data/reviews.json");
  if (!source) throw new Error(problems.map(formatProblem).join("\n"));
  const result = validateReviews(source, { areaKeys: AREA_KEYS, reviewsDir, buildDate });
  return { ...result, messages: result.errors.map(formatProblem), warningMessages: result.warnings.map(formatProblem) };
}

/** Check reviews.json written as text, for what JSON.stringify cannot write (duplicate keys, reserved keys). */
function checkText(text: string, reviewsDir = folder) {
  const { source, problems } = parseJsonText(text, "_data/reviews.json");
  if (!source) throw new Error(problems.map(formatProblem).join("\n"));
  const result = validateReviews(source, { areaKeys: AREA_KEYS, reviewsDir, buildDate: "2026-11-26" });
  return { ...result, messages: result.errors.map(formatProblem) };
}

/** A review as JSON text with `extra` inserted after its "type" field, one field a line. */
function reviewText(extra: string, review = validReview()): string {
  const lines = JSON.stringify([review], null, 2).split("\n");
  const at = lines.findIndex((l) => l.includes('"type"'));
  lines.splice(at + 1, 0, `    ${extra},`);
  return lines.join("\n");
}

function onlyError(reviews: unknown) {
  const result = check(reviews);
  expect(result.errors, result.messages.join("\n")).toHaveLength(1);
  return result.messages[0]!;
}

describe("validateReviews", () => {
  it("accepts a valid review and keeps what templates need", () => {
    const result = check([validReview()]);
    expect(result.errors).toEqual([]);
    expect(result.reviews).toEqual([
      {
        id: "child-a",
        title: "Child A",
        type: "CSPR",
        area: "northshire",
        status: "published",
        published: "2025-06-14",
        summary: "A summary.",
        themes: ["neglect"],
        documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf", bytes: PDF.length }],
      },
    ]);
  });

  it("rejects a file that is not a list", () => {
    const result = check({ id: "child-a" });
    expect(result.messages).toEqual([
      '_data/reviews.json, line 1: expected a list of reviews: the file must start with [ and end with ], got {"id":"child-a"}.',
    ]);
  });

  it("rejects an item that is not an object", () => {
    expect(onlyError(["child-a"])).toMatch(/review 1 in the list, which has no id: expected a review: an object/);
  });

  it.each(["id", "title", "type", "area", "status"])("names a missing required field: %s", (field) => {
    const review = validReview();
    delete review[field];
    const message = onlyError([review]);
    expect(message).toContain(`field "${field}": this field is missing; expected`);
  });

  it.each([
    ["title", "   ", 'field "title": expected the review\'s title as text'],
    ["title", 5, 'field "title": expected the review\'s title as text, e.g. "Child H", got 5'],
    ["type", "Scr", 'field "type": expected "CSPR" or "SCR" (a Child Safeguarding Practice Review or a Serious Case Review), got "Scr": did you mean "SCR"?'],
    ["status", "draft", 'field "status": expected one of "published", "withheld" or "delayed", got "draft".'],
    [
      "area",
      "preston",
      `field "area": expected one of the site's areas (listed in _data/site.json): "northshire", "southvale" or "northshire-and-southvale", got "preston".`,
    ],
    ["published", "2023-02-30", 'field "published": "2023-02-30" is not a real calendar date'],
    [
      "published",
      "2023-02-29",
      'field "published": "2023-02-29" is not a real calendar date; expected a date written YYYY-MM-DD that exists: February 2023 has 28 days, e.g. 2023-02-28.',
    ],
    ["published", "2025-13-01", 'field "published": "2025-13-01" is not a real calendar date'],
    ["published", 20250614, 'field "published": expected a date written YYYY-MM-DD, e.g. 2024-06-14, got 20250614'],
    ["published", "14/06/2025", 'field "published": expected a date written YYYY-MM-DD (year, month, day), got "14/06/2025": did you mean 2025-06-14?'],
    ["published", "2025-6-14", 'field "published": expected a date written YYYY-MM-DD'],
    ["themes", "neglect", 'field "themes": expected a list of themes'],
    ["summary", ["a"], 'field "summary": expected a summary as text'],
  ])("rejects %s = %j", (field, value, expected) => {
    expect(onlyError([validReview({ [field]: value })])).toContain(expected);
  });

  it("names the review by its position when the id itself is bad", () => {
    const reviews = [validReview(), validReview({ id: "Child B", documents: [] })];
    const line =
      JSON.stringify(reviews, null, 2)
        .split("\n")
        .findIndex((l) => l.includes('"Child B"')) + 1;
    expect(onlyError(reviews)).toBe(
      `_data/reviews.json, line ${line}, review 2 in the list, id "Child B", field "id": expected an id: lowercase letters a-z and digits in words joined by single hyphens, e.g. child-h-2019, got "Child B".`,
    );
  });

  it.each(["child--a", "-child", "child_a", "child a", "chíld"])("rejects the slug %j", (id) => {
    expect(onlyError([validReview({ id, documents: [] })])).toContain('field "id": expected an id');
  });

  it("requires a date unless the review is delayed", () => {
    const review = validReview();
    delete review.published;
    expect(onlyError([review])).toContain(
      'field "published": this field is missing; expected the publication date written YYYY-MM-DD. Only a review with status "delayed" may have no date yet.',
    );
    expect(check([{ ...review, status: "delayed" }]).errors).toEqual([]);
  });

  it("rejects a duplicate id and points at the first one", () => {
    const message = onlyError([validReview(), validReview({ title: "Child A again" })]);
    expect(message).toMatch(/review "child-a", field "id": the id "child-a" is already used by review 1 in the list \(line 2\)/);
  });

  it("rejects an unknown field and suggests the likely one", () => {
    expect(onlyError([validReview({ publsihed: "2025-06-14" })])).toContain('field "publsihed": unknown field "publsihed": did you mean "published"?');
    expect(onlyError([validReview({ colour: "red" })])).toMatch(/unknown field "colour"\. Fields allowed here: id, title/);
  });

  it("rejects an unknown field inside a document", () => {
    const message = onlyError([validReview({ documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf", size: 3 }] })]);
    expect(message).toContain('field "documents[1].size": unknown field "size"');
  });

  it("rejects an unknown document kind", () => {
    const message = onlyError([validReview({ documents: [{ kind: "report", title: "Report", file: "overview-report.pdf" }] })]);
    expect(message).toContain('field "documents[1].kind": expected one of "overview-report", "executive-summary"');
  });

  it("rejects an overview report on a withheld review", () => {
    const message = onlyError([validReview({ status: "withheld" })]);
    expect(message).toContain('field "documents[1].kind": a withheld review must not have an overview report');
  });

  it.each([
    ["title", { kind: "other", title: "Overview report", file: "report.pdf" }, 'its title "Overview report" reads as "overview"'],
    [
      "title",
      { kind: "executive-summary", title: "Overview-Report (redacted)", file: "report.pdf" },
      'its title "Overview-Report (redacted)" reads as "overview"',
    ],
    ["file", { kind: "learning-brief", title: "Learning brief", file: "overview-report.pdf" }, 'its file name "overview-report.pdf" reads as "overview"'],
    ["file", { kind: "other", title: "Final", file: "Overview_Report_final.pdf" }, 'its file name "Overview_Report_final.pdf" reads as "overview"'],
    [
      "url",
      { kind: "other", title: "Report", url: "https://www.example.org/docs/overview-report.pdf" },
      'its web address "https://www.example.org/docs/overview-report.pdf" reads as "overview"',
    ],
  ])("rejects a withheld review's document whose %s says it is the overview report", (field, doc, says) => {
    const dir = reviewsFolder({ "child-a/report.pdf": PDF, "child-a/overview-report.pdf": PDF, "child-a/Overview_Report_final.pdf": PDF });
    const result = check([validReview({ status: "withheld", documents: [doc] })], dir);
    expect(result.messages).toEqual([
      expect.stringContaining(
        `review "child-a", field "documents[1].${field}": a withheld review must not have an overview report: the decision was taken not to publish it to protect the child and family. This document looks like the overview report: ${says}. Remove it, or if it is another document, give it a title, file name and address that do not say "overview", "overall report", "final report" or "full report".`,
      ),
    ]);
  });

  // The three that passed validation (issue 24): an address with %-codes, a Cyrillic е in a title, a zero for the o in a file name.
  it.each([
    ["url", { kind: "other", title: "Report", url: "https://www.example.org/docs/Over%2Dview%20Report.pdf" }],
    ["title", { kind: "other", title: "Ovеrview report", file: "report.pdf" }],
    ["file", { kind: "learning-brief", title: "Learning brief", file: "0verview.pdf" }],
  ])("rejects a withheld review's document whose %s disguises the word overview", (field, doc) => {
    const dir = reviewsFolder({ "child-a/report.pdf": PDF, "child-a/0verview.pdf": PDF });
    const result = check([validReview({ status: "withheld", documents: [doc] })], dir);
    expect(result.errors.map((p) => p.field)).toEqual([`documents[1].${field}`]);
    expect(result.messages[0]).toContain("count as the letters they stand for");
    expect(result.reviews).toEqual([]);
  });

  it("accepts a withheld review's other documents, and an overview report on a published review", () => {
    const dir = reviewsFolder({ "child-a/executive-summary.pdf": PDF, "child-a/report.pdf": PDF });
    expect(
      check([validReview({ status: "withheld", documents: [{ kind: "executive-summary", title: "Executive summary", file: "executive-summary.pdf" }] })], dir)
        .messages,
    ).toEqual([]);
    expect(check([validReview({ documents: [{ kind: "other", title: "Overview report", file: "report.pdf" }] })], dir).messages).toEqual([]);
  });

  it("rejects a document file that does not exist, naming the folder", () => {
    const message = onlyError([validReview({ documents: [{ kind: "learning-brief", title: "Brief", file: "brief.pdf" }] })]);
    expect(message).toContain('field "documents[1].file": the file reviews/child-a/brief.pdf does not exist');
  });

  it.each(["../child-b/brief.pdf", "sub/brief.pdf", "..", ".hidden.pdf", "C:\\brief.pdf", "/etc/passwd"])(
    "rejects a file that escapes the review's folder: %j",
    (file) => {
      const message = onlyError([validReview({ documents: [{ kind: "learning-brief", title: "Brief", file }] })]);
      expect(message).toContain('field "documents[1].file": expected the name of a file inside reviews/child-a/');
    },
  );

  it("rejects a link that leads out of the review's folder", () => {
    const dir = reviewsFolder({ "child-b/brief.pdf": PDF, "child-a/overview-report.pdf": PDF });
    symlinkSync(path.join(dir, "child-b", "brief.pdf"), path.join(dir, "child-a", "brief.pdf"));
    const result = check([validReview({ documents: [{ kind: "learning-brief", title: "Brief", file: "brief.pdf" }] })], dir);
    expect(result.messages.join("\n")).toContain("is a link to a file outside reviews/child-a/");
  });

  it("rejects a review folder that is a link to a folder elsewhere", () => {
    const outside = reviewsFolder({ "secret/overview-report.pdf": PDF });
    const dir = reviewsFolder({});
    symlinkSync(path.join(outside, "secret"), path.join(dir, "child-a"));
    const result = check([validReview()], dir);
    const line =
      JSON.stringify([validReview()], null, 2)
        .split("\n")
        .findIndex((l) => l.includes('"documents"')) + 1;
    expect(result.messages).toEqual([
      `_data/reviews.json, line ${line}, review "child-a", field "documents": the folder reviews/child-a/ is a link to another folder, so its files could come from outside reviews/. Make reviews/child-a/ a real folder and copy the documents into it.`,
    ]);
  });

  it("rejects a file linked from a folder outside reviews/ even when the folder names match", () => {
    const outside = reviewsFolder({ "child-a/overview-report.pdf": PDF });
    const dir = reviewsFolder({ "child-a/placeholder.txt": "x" });
    symlinkSync(path.join(outside, "child-a", "overview-report.pdf"), path.join(dir, "child-a", "overview-report.pdf"));
    expect(check([validReview()], dir).messages.join("\n")).toContain("is a link to a file outside reviews/child-a/");
  });

  it("rejects a file type the site does not publish, and an empty file", () => {
    const dir = reviewsFolder({ "child-a/page.html": "<script>", "child-a/empty.pdf": "" });
    const result = check(
      [
        validReview({
          documents: [
            { kind: "other", title: "Page", file: "page.html" },
            { kind: "other", title: "Empty", file: "empty.pdf" },
          ],
        }),
      ],
      dir,
    );
    expect(result.messages[0]).toContain('"page.html" is not a kind of file this site publishes');
    expect(result.messages[1]).toContain("reviews/child-a/empty.pdf is empty");
  });

  it("requires https for links, and one of file or url", () => {
    const result = check([
      validReview({
        documents: [
          { kind: "response", title: "Response", url: "http://www.example.org/r.pdf" },
          { kind: "response", title: "Response", url: "javascript:alert(1)" },
          { kind: "response", title: "Response" },
          { kind: "response", title: "Response", url: "https://www.example.org/r.pdf", file: "overview-report.pdf" },
        ],
      }),
    ]);
    expect(result.messages).toEqual([
      expect.stringContaining('field "documents[1].url": expected a web address starting https://, got "http://www.example.org/r.pdf"'),
      expect.stringContaining('field "documents[2].url": expected a web address starting https://, got "javascript:alert(1)"'),
      expect.stringContaining('field "documents[3]": this document has neither "file" nor "url"'),
      expect.stringContaining('field "documents[4]": give "file" or "url", not both'),
    ]);
  });

  it("lists every problem in the file, not just the first", () => {
    const result = check([
      validReview({ published: "2023-02-30" }),
      validReview({ id: "child-b", type: "XYZ", area: "nowhere", documents: [] }),
      validReview({ id: "child-a", documents: [] }),
    ]);
    expect(result.messages).toHaveLength(4);
    expect(result.messages.map((m) => m.match(/field "([^"]+)"/)?.[1])).toEqual(["published", "type", "area", "id"]);
    expect(result.reviews.map((r) => r.id)).toEqual([]);
  });

  it("gives the line of each problem", () => {
    const result = check([validReview(), validReview({ id: "child-b", published: "2023-02-30", documents: [] })]);
    const line = JSON.stringify([validReview(), validReview({ id: "child-b", published: "2023-02-30", documents: [] })], null, 2)
      .split("\n")
      .findIndex((l) => l.includes("2023-02-30"));
    expect(result.errors[0]!.line).toBe(line + 1);
  });

  it("warns about, and does not list, a review dated after the build date", () => {
    const result = check([validReview({ published: "2026-12-07" })], reviewsFolder({ "child-a/overview-report.pdf": PDF }));
    expect(result.errors).toEqual([]);
    expect(result.warningMessages).toEqual([
      expect.stringContaining('review "child-a", field "published": the publication date 2026-12-07 is after the build date 2026-11-26'),
    ]);
  });

  it("warns about files in reviews/ that nothing publishes", () => {
    const dir = reviewsFolder({ "child-a/overview-report.pdf": PDF, "child-a/old-draft.pdf": PDF, "child-z/report.pdf": PDF });
    mkdirSync(path.join(dir, "child-a", "sub"));
    writeFileSync(path.join(dir, "child-a", ".DS_Store"), "x");
    const result = check([validReview()], dir);
    expect(result.warningMessages).toEqual([
      'reviews/child-a/old-draft.pdf, review "child-a": no document of this review points to this file, so it is not published.',
      'reviews/child-a/sub, review "child-a": no document of this review points to this file, so it is not published.',
      'reviews/child-z/: no review in _data/reviews.json has the id "child-z", so nothing in this folder is published.',
    ]);
  });
});

describe("validateReviews: addresses", () => {
  it.each(["area", "theme", "type", "year"])("refuses the id %j, which is a filter page's address", (id) => {
    const message = onlyError([validReview({ id, documents: [] })]);
    expect(message).toContain(`field "id": "${id}" cannot be a review's id: /reviews/${id}/ is where the site lists reviews by ${id}`);
  });

  it("refuses two themes that would share an address, naming both reviews", () => {
    const result = check([validReview({ themes: ["Domestic abuse"] }), validReview({ id: "child-b", documents: [], themes: ["domestic-abuse", "neglect"] })]);
    expect(result.messages).toEqual([
      expect.stringContaining(
        'review "child-b", field "themes[1]": the theme "domestic-abuse" and the theme "Domestic abuse" (review "child-a") would share the address /reviews/theme/domestic-abuse/',
      ),
    ]);
  });

  it.each([
    ["Straße", "strasse", "strasse"],
    ["child's voice", "childs voice", "childs-voice"],
    ["Café culture", "cafe culture", "cafe-culture"],
    ["Drugs & alcohol", "drugs and alcohol", "drugs-and-alcohol"],
  ])("refuses %j and %j, which share the address /reviews/theme/%s/", (first, second, key) => {
    const result = check([validReview({ themes: [first] }), validReview({ id: "child-b", documents: [], themes: [second] })]);
    expect(result.messages).toEqual([expect.stringContaining(`would share the address /reviews/theme/${key}/`)]);
  });

  it("accepts 29 February in a leap year", () => {
    expect(check([validReview({ published: "2024-02-29" })]).errors).toEqual([]);
  });

  it("refuses a theme with no letters or digits", () => {
    expect(onlyError([validReview({ themes: ["!!!"] })])).toContain('field "themes[1]": the theme "!!!" has no letters or digits');
  });

  it("accepts the same theme spelt the same way in many reviews", () => {
    expect(check([validReview({ themes: ["neglect"] }), validReview({ id: "child-b", documents: [], themes: ["neglect"] })]).errors).toEqual([]);
  });
});

describe("validateReviews: the JSON itself", () => {
  it("refuses a field given twice in one review, naming the review, field and lines", () => {
    const text = reviewText('"type": "SCR"');
    const result = checkText(text);
    expect(result.messages).toEqual([
      '_data/reviews.json, line 6, review "child-a", field "type": "type" is given twice here (first on line 5, again on line 6); only one of the two would count, and it may be the wrong one. Keep one of them.',
    ]);
    expect(result.reviews).toEqual([]);
  });

  it("refuses a field given twice in a document", () => {
    const lines = JSON.stringify([validReview()], null, 2).split("\n");
    const at = lines.findIndex((l) => l.includes('"kind"'));
    lines.splice(at + 1, 0, '        "kind": "learning-brief",');
    const result = checkText(lines.join("\n"));
    expect(result.messages).toEqual([
      expect.stringContaining(`line ${at + 2}, review "child-a", field "documents[1].kind": "kind" is given twice here (first on line ${at + 1}`),
    ]);
  });

  it("refuses a reserved key in a review, naming the review and field", () => {
    const result = checkText(reviewText('"__proto__": {"type": "SCR"}'));
    expect(result.messages).toEqual([
      '_data/reviews.json, line 6, review "child-a", field "__proto__": "__proto__" cannot be used as a name here: the program that builds the site gives it a special meaning. Use another name.',
    ]);
  });

  it.each([
    ["title", "Child\u000bA"],
    ["summary", "Line one\u0001"],
  ])("refuses a control character in %s, naming the review and field", (field, value) => {
    expect(onlyError([validReview({ [field]: value })])).toMatch(
      new RegExp(`review "child-a", field "${field}": the text has a control character \\(U\\+00\\w\\w\\) at character \\d+ that cannot be published`),
    );
  });

  it("refuses a control character in a document's title and a theme", () => {
    const result = check([
      validReview({ themes: ["neg\u0008lect"], documents: [{ kind: "overview-report", title: "Overview\u001freport", file: "overview-report.pdf" }] }),
    ]);
    expect(result.messages).toEqual([
      expect.stringContaining('field "themes[1]": the text has a control character (U+0008)'),
      expect.stringContaining('field "documents[1].title": the text has a control character (U+001F)'),
    ]);
  });

  it("accepts tabs and line breaks in a summary", () => {
    expect(check([validReview({ summary: "First paragraph.\n\n\tSecond,\r\nindented." })]).errors).toEqual([]);
  });

  it.each([
    ["title", { title: "Child\nA" }, "title", "expected the review's title on one line (no line breaks or tabs)"],
    ["a theme", { themes: ["neglect\t"] }, "themes[1]", "expected a theme on one line (no line breaks or tabs)"],
    [
      "a document's title",
      { documents: [{ kind: "overview-report", title: "Overview\r\nreport", file: "overview-report.pdf" }] },
      "documents[1].title",
      "expected the document's title on one line (no line breaks or tabs)",
    ],
    [
      "a file name",
      { documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf\n" }] },
      "documents[1].file",
      "expected a file name on one line (no line breaks or tabs)",
    ],
  ])("refuses a line break or tab in %s", (_, overrides, field, message) => {
    expect(onlyError([validReview(overrides)])).toContain(`field "${field}": ${message}`);
  });

  it.each([
    ["id", { id: "a".repeat(81), documents: [] }, "id", 81, 80],
    ["title", { title: "T".repeat(201) }, "title", 201, 200],
    ["theme", { themes: ["n".repeat(5000)] }, "themes[1]", 5000, 60],
    ["summary", { summary: "s".repeat(10_001) }, "summary", 10_001, 10_000],
    ["document title", { documents: [{ kind: "overview-report", title: "T".repeat(201), file: "overview-report.pdf" }] }, "documents[1].title", 201, 200],
    ["file name", { documents: [{ kind: "overview-report", title: "Overview report", file: `${"f".repeat(147)}.pdf` }] }, "documents[1].file", 151, 150],
    ["url", { documents: [{ kind: "response", title: "Response", url: `https://www.example.org/${"u".repeat(1980)}` }] }, "documents[1].url", 2004, 2000],
  ])("refuses an oversized %s with one short message", (_, overrides, field, length, max) => {
    const message = onlyError([validReview(overrides)]);
    expect(message).toContain(
      `field "${field}": this text is ${length.toLocaleString("en-GB")} characters long; the most allowed is ${max.toLocaleString("en-GB")}. Shorten it.`,
    );
    expect(message.length).toBeLessThan(300);
  });

  it("accepts texts at the maximum lengths", () => {
    const dir = reviewsFolder({ [`${"a".repeat(80)}/${"f".repeat(146)}.pdf`]: PDF });
    const review = validReview({
      id: "a".repeat(80),
      title: "T".repeat(200),
      themes: ["n".repeat(60)],
      summary: "s".repeat(10_000),
      documents: [{ kind: "overview-report", title: "T".repeat(200), file: `${"f".repeat(146)}.pdf` }],
    });
    expect(check([review], dir).messages).toEqual([]);
  });
});

describe("Markdown documents (published as HTML pages)", () => {
  const dir = reviewsFolder({ "child-a/overview-report.md": "## Findings\n\nText.", "child-a/Report Final.md": "## A" });
  const withFile = (file: string) => validReview({ documents: [{ kind: "overview-report", title: "Overview report", file }] });

  it("accepts a .md file", () => {
    const result = check([withFile("overview-report.md")], dir);
    expect(result.messages).toEqual([]);
    expect(result.reviews[0]!.documents[0]).toMatchObject({ file: "overview-report.md" });
  });

  it("refuses a .md file whose name cannot be a page's address", () => {
    const result = check([withFile("Report Final.md")], dir);
    expect(result.messages).toEqual([
      expect.stringContaining(
        'field "documents[1].file": "Report Final.md" names a Markdown document, which is published at /reviews/child-a/<name>/: expected a name of lowercase letters and digits joined by hyphens',
      ),
    ]);
  });
});
