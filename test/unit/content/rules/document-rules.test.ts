import { symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileInFolder, fileOrUrl, noOverviewReportWhenWithheld } from "../../../../src/content/rules/document-rules.ts";
import { reviewsFolder } from "../../../helpers/reviews.ts";
import { atHand } from "../../../helpers/review-at-hand.ts";

const withheld = atHand({ id: "family-q", status: "withheld" });

describe("noOverviewReportWhenWithheld", () => {
  it("refuses an overview report on a withheld review, by its kind", () => {
    expect(noOverviewReportWhenWithheld({ kind: "overview-report", title: "Learning brief" }, 0, withheld)).toEqual([
      { field: ["kind"], message: expect.stringContaining("a withheld review must not have an overview report") },
    ]);
  });

  it("refuses a withheld review's document whose title, file name or address reads as the overview report, naming that field", () => {
    expect(noOverviewReportWhenWithheld({ kind: "other", title: "0verview rep0rt" }, 0, withheld)[0]!.field).toEqual(["title"]);
    expect(noOverviewReportWhenWithheld({ kind: "other", title: "Brief", file: "overall-report.pdf" }, 0, withheld)[0]!.field).toEqual(["file"]);
    expect(noOverviewReportWhenWithheld({ kind: "other", title: "Brief", url: "https://example.org/Overview%20Report" }, 0, withheld)[0]!.field).toEqual([
      "url",
    ]);
  });

  it("lets a review of another status have its overview report, and a withheld one its other documents", () => {
    for (const status of ["published", "delayed", undefined]) {
      expect(noOverviewReportWhenWithheld({ kind: "overview-report", title: "Overview report" }, 0, atHand({ id: "a", status }))).toEqual([]);
    }
    expect(noOverviewReportWhenWithheld({ kind: "learning-brief", title: "Learning brief", file: "brief.pdf" }, 0, withheld)).toEqual([]);
  });
});

describe("fileOrUrl", () => {
  it("refuses a document with both a file and an address, or with neither", () => {
    expect(fileOrUrl({ file: "a.pdf", url: "https://example.org/a.pdf" })).toEqual([{ field: [], message: 'give "file" or "url", not both.' }]);
    expect(fileOrUrl({ title: "A" })).toEqual([{ field: [], message: 'this document has neither "file" nor "url"; expected one of them.' }]);
  });

  it("accepts one of them, whatever its value (the schema checks the value)", () => {
    expect(fileOrUrl({ file: "a.pdf" })).toEqual([]);
    expect(fileOrUrl({ url: "" })).toEqual([]);
    expect(fileOrUrl({ file: null })).toEqual([]);
  });
});

describe("fileInFolder", () => {
  const dir = reviewsFolder({ "baby-r/brief.pdf": "%PDF-1.4 x", "baby-r/empty.pdf": "", "elsewhere/brief.pdf": "%PDF-1.4 x" });
  symlinkSync(path.join(dir, "elsewhere"), path.join(dir, "linked-s"));
  const review = (id: string, file: string) => atHand({ id, documents: [{ file }] }, { reviewsDir: dir });

  it("keeps the size of a file found in the review's folder", () => {
    const at = review("baby-r", "brief.pdf");
    expect(fileInFolder({ file: "brief.pdf" }, 0, at)).toEqual([]);
    expect(at.sizes.get(0)).toBe("%PDF-1.4 x".length);
  });

  it("refuses a missing, empty or outside file, on the document's file field", () => {
    for (const [file, says] of [
      ["Brief.pdf", "does not exist"],
      ["empty.pdf", "is empty"],
      ["../elsewhere/brief.pdf", "expected the name of a file inside reviews/baby-r/"],
    ]) {
      expect(fileInFolder({ file }, 0, review("baby-r", file!)), file).toEqual([{ field: ["file"], message: expect.stringContaining(says) }]);
    }
  });

  it("does not look for a file in a linked folder, where there is no folder to look in, or by a name the schema refuses", () => {
    expect(fileInFolder({ file: "brief.pdf" }, 0, review("linked-s", "brief.pdf"))).toEqual([]);
    expect(fileInFolder({ file: "brief.pdf" }, 0, atHand({ id: "baby-r", documents: [{ file: "brief.pdf" }] }))).toEqual([]);
    for (const file of ["two\nlines.pdf", "  ", "bell\u0007.pdf", "x".repeat(500)]) expect(fileInFolder({ file }, 0, review("baby-r", file)), file).toEqual([]);
  });
});
