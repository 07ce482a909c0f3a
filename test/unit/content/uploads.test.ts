/**
 * Documents uploaded from the editor into `reviews/uploads/`: a review's document
 * names the file, and validation, the document facts, the catalogue and a kept
 * build's rebuild treat it as a file in `reviews/<id>/` (published at
 * /reviews/<id>/<name>, only for a listed review).
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalogue } from "../../../src/catalogue/index.ts";
import { addDocumentFacts } from "../../../src/content/document-facts.ts";
import { parseJsonText } from "../../../src/content/json-source.ts";
import { checkKeptInput } from "../../../src/content/kept-input.ts";
import { validateReviews } from "../../../src/content/validate.ts";
import { formatProblem } from "../../../src/model/problems.ts";
import type { PdfFacts } from "../../../src/model/review.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import { AREA_KEYS, reviewsFolder, validReview } from "../../helpers/reviews.ts";
import { fixtureSite } from "../../helpers/site.ts";
import { temporaryFolder } from "../../helpers/temporary.ts";

const PDF = "%PDF-1.4 uploaded";
const ODD = "Overview report (final) – Zoë.pdf";

function check(reviews: unknown, reviewsDir: string, buildDate = "2026-11-26") {
  const { source, problems } = parseJsonText(JSON.stringify(reviews, null, 2), "_data/reviews.json");
  if (!source) throw new Error(problems.map(formatProblem).join("\n"));
  const result = validateReviews(source, { areaKeys: AREA_KEYS, reviewsDir, buildDate });
  return { ...result, messages: result.errors.map(formatProblem), warningMessages: result.warnings.map(formatProblem) };
}

const withFile = (id: string, file: string, more: Record<string, unknown> = {}) =>
  validReview({ id, title: `Child ${id}`, documents: [{ kind: "learning-brief", title: "Learning brief", file }], ...more });

describe("a document uploaded into reviews/uploads/", () => {
  it("is found there when the review's own folder does not have it, and is marked as uploaded with its size", () => {
    const dir = reviewsFolder({ [`uploads/${ODD}`]: PDF });
    const result = check([withFile("child-a", ODD)], dir);
    expect(result.messages).toEqual([]);
    expect(result.reviews[0]!.documents).toEqual([{ kind: "learning-brief", title: "Learning brief", file: ODD, bytes: PDF.length, uploaded: true }]);
    expect(result.warningMessages).toEqual([]);
  });

  it("is not marked as uploaded when it is in the review's own folder", () => {
    const dir = reviewsFolder({ "child-a/brief.pdf": PDF, "uploads/other.pdf": PDF });
    const result = check([withFile("child-a", "brief.pdf"), withFile("child-b", "other.pdf")], dir);
    expect(result.messages).toEqual([]);
    expect(result.reviews[0]!.documents[0]).not.toHaveProperty("uploaded");
    expect(result.reviews[1]!.documents[0]).toMatchObject({ uploaded: true });
  });

  it("may be named by two reviews, each publishing it, with no warning", () => {
    const dir = reviewsFolder({ "uploads/shared-briefing.pdf": PDF });
    const result = check([withFile("child-a", "shared-briefing.pdf"), withFile("child-b", "shared-briefing.pdf")], dir);
    expect(result.messages).toEqual([]);
    expect(result.warningMessages).toEqual([]);
    expect(result.reviews.map((review) => review.documents[0])).toEqual([
      expect.objectContaining({ uploaded: true }),
      expect.objectContaining({ uploaded: true }),
    ]);
  });

  it("is an error when the review's folder has a file of the same name too, saying which two files and what to do", () => {
    const dir = reviewsFolder({ "child-a/brief.pdf": PDF, "uploads/brief.pdf": PDF });
    const result = check([withFile("child-a", "brief.pdf")], dir);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatch(/review "child-a", field "documents\[1\]\.file"/);
    expect(result.messages[0]).toContain("both reviews/child-a/brief.pdf and reviews/uploads/brief.pdf exist");
    expect(result.messages[0]).toMatch(/Delete one of them/);
  });

  it("says, of a file in neither place, both places it was looked for", () => {
    const result = check([withFile("child-a", "missing.pdf")], reviewsFolder({ "uploads/other.pdf": PDF }));
    expect(result.messages.join("\n")).toContain("the file reviews/child-a/missing.pdf does not exist, nor does reviews/uploads/missing.pdf");
  });

  it("refuses a name with a path in it, such as ../, whichever folder it would lead to", () => {
    const dir = reviewsFolder({ "uploads/x.pdf": PDF, "child-b/x.pdf": PDF });
    for (const file of ["../uploads/x.pdf", "../child-b/x.pdf", "uploads/x.pdf", "..", ".hidden.pdf"]) {
      const result = check([withFile("child-a", file)], dir);
      expect(result.messages.join("\n"), file).toMatch(/expected the name of a file inside reviews\/child-a\/ or reviews\/uploads\/ \(no folders/);
    }
  });

  it("refuses an upload that is a link out of the folder, an empty upload, and an uploads folder that is a link", () => {
    const outside = temporaryFolder("lr-outside-");
    writeFileSync(path.join(outside, "secret.pdf"), PDF);
    const dir = reviewsFolder({ "uploads/empty.pdf": "" });
    symlinkSync(path.join(outside, "secret.pdf"), path.join(dir, "uploads", "secret.pdf"));
    expect(check([withFile("child-a", "secret.pdf")], dir).messages.join("\n")).toContain(
      "reviews/uploads/secret.pdf is a link to a file outside reviews/uploads/",
    );
    expect(check([withFile("child-a", "empty.pdf")], dir).messages.join("\n")).toContain("reviews/uploads/empty.pdf is empty (0 bytes)");
    const linked = reviewsFolder({ "child-z/placeholder.txt": "x" });
    symlinkSync(outside, path.join(linked, "uploads"));
    expect(check([withFile("child-a", "secret.pdf")], linked).messages.join("\n")).toContain("the folder reviews/uploads/ is a link to another folder");
  });

  it("refuses a withheld review's upload whose file name reads as the overview report, as for any file", () => {
    const dir = reviewsFolder({ "uploads/Overview Report.pdf": PDF });
    const result = check([withFile("family-q", "Overview Report.pdf", { status: "withheld" })], dir);
    expect(result.messages.join("\n")).toMatch(/review "family-q".*a withheld review must not have an overview report/);
  });

  it("warns of an upload that no review names, and never of the uploads folder as a review's", () => {
    const dir = reviewsFolder({ "uploads/used.pdf": PDF, "uploads/forgotten report.pdf": PDF, "uploads/.gitkeep": "" });
    const result = check([withFile("child-a", "used.pdf")], dir);
    expect(result.messages).toEqual([]);
    expect(result.warningMessages).toEqual([
      "reviews/uploads/forgotten report.pdf: no review's document names this uploaded file, so it is not published. Choose it in a review's document (its File field), or delete it.",
    ]);
  });

  it("does not let a review take the id uploads, which would share the folder of uploads", () => {
    const result = check([validReview({ id: "uploads", documents: [] })], reviewsFolder({}));
    expect(result.messages.join("\n")).toContain('"uploads" cannot be a review\'s id: reviews/uploads/ is the folder documents are uploaded into');
  });
});

describe("an uploaded document after validation", () => {
  const accessible: PdfFacts = { format: "pdf", pages: 1, title: "Learning brief", language: "en-GB", tagged: true, hasText: true, text: "uploaded text" };
  const readPdf = async () => accessible;

  it("has its facts read from reviews/uploads/, and a withheld review's uploaded PDF titled as the overview report refused, naming that file", async () => {
    const dir = reviewsFolder({ "uploads/brief.pdf": PDF });
    const { reviews } = check([withFile("child-a", "brief.pdf"), withFile("family-q", "brief.pdf", { status: "withheld" })], dir);
    const result = await addDocumentFacts(reviews, { reviewsDir: dir, readPdf: async () => ({ ...accessible, title: "Family Q: overview report" }) });
    expect(result.errors.map(formatProblem)).toEqual([
      expect.stringMatching(/^reviews\/uploads\/brief\.pdf, review "family-q", field "documents\[1\]\.file": a withheld review/),
    ]);
    const read = await addDocumentFacts(reviews.slice(0, 1), { reviewsDir: dir, readPdf });
    expect(read.reviews[0]!.documents[0]).toMatchObject({ uploaded: true, facts: accessible });
  });

  it("is copied from reviews/uploads/ to the review's own address, for a listed review only (not an expired SCR's)", async () => {
    const dir = reviewsFolder({ "uploads/brief.pdf": PDF, "uploads/scr.pdf": PDF, "child-c/own.pdf": PDF });
    const site = fixtureSite() as unknown as SiteSettings;
    const { reviews, messages } = check(
      [
        withFile("child-a", "brief.pdf"),
        withFile("child-b", "brief.pdf"),
        withFile("child-c", "own.pdf"),
        // An SCR published 2025-06-01: its 12 months are over on 2026-11-26.
        withFile("child-old", "scr.pdf", { type: "SCR", published: "2025-06-01" }),
      ],
      dir,
    );
    expect(messages).toEqual([]);
    const { reviews: withFacts } = await addDocumentFacts(reviews, { reviewsDir: dir, readPdf });
    const catalogue = buildCatalogue(withFacts, { ...site, retentionMonths: 12 }, "2026-11-26", []);
    expect(catalogue.documentFiles).toEqual([
      { from: "reviews/uploads/brief.pdf", to: "reviews/child-a/brief.pdf" },
      { from: "reviews/uploads/brief.pdf", to: "reviews/child-b/brief.pdf" },
      { from: "reviews/child-c/own.pdf", to: "reviews/child-c/own.pdf" },
    ]);
    expect(catalogue.removed.map((review) => review.id)).toEqual(["child-old"]);
  });

  it("is rebuilt from a kept build's own copy at reviews/<id>/, where the build published it, not from reviews/uploads/", () => {
    const root = temporaryFolder("lr-kept-");
    mkdirSync(path.join(root, "reviews"));
    const kept = {
      buildDate: "2026-11-25",
      contentRoot: root,
      site: fixtureSite(),
      reviews: [
        {
          ...withFile("child-a", "brief.pdf"),
          themes: [],
          documents: [{ kind: "learning-brief", title: "Learning brief", file: "brief.pdf", bytes: 10, uploaded: true, facts: accessible }],
        },
      ],
      warnings: [],
    };
    const checked = checkKeptInput(kept, "/srv/build/input/build-input.json");
    expect(checked.problems.map(formatProblem)).toEqual([]);
    const site = fixtureSite() as unknown as SiteSettings;
    const catalogue = buildCatalogue(checked.input!.reviews, site, "2026-11-26", []);
    expect(catalogue.documentFiles).toEqual([{ from: "reviews/child-a/brief.pdf", to: "reviews/child-a/brief.pdf" }]);
  });
});
