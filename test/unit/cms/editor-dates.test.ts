import { describe, expect, it } from "vitest";
import { datesForFile, datesInWords, typedDate, typedDateProblems } from "../../../src/cms/editor-dates.ts";
import { editorMessage, editorProblems, reviewsFileText, reviewsFromFile } from "../../../src/cms/editor-rules.ts";

const settings = { retentionMonths: 24, areaKeys: ["wessex", "mercia"] };
const review = { id: "baby-q", title: "Baby Q", type: "SCR", area: "mercia", status: "published", published: "2024-02-29" };

describe("dates in the editor's form", () => {
  it("are shown as the site writes them, day month year, and kept in the file as YYYY-MM-DD", () => {
    const shown = datesInWords([review, { ...review, id: "baby-r", published: undefined }]) as Record<string, unknown>[];
    expect(shown[0]!.published).toBe("29 February 2024");
    expect(shown[1]!.published).toBeUndefined();
    expect(datesForFile(shown)).toEqual([review, { ...review, id: "baby-r", published: undefined }]);
  });

  it("are read however an officer in the UK types them, never in US order", () => {
    for (const typed of ["29 February 2024", " 29 Feb 2024 ", "29th February 2024", "29/02/2024", "29.2.2024", "2024-02-29"]) {
      expect(typedDate(typed), typed).toBe("2024-02-29");
    }
    // 02/29/2024 (US order) is no date: there is no 29th month.
    expect(typedDate("02/29/2024")).toBeUndefined();
    expect(typedDate("12/01/2024")).toBe("2024-01-12");
  });

  it("that cannot be read are said so by review and field, with how to write one, and the save refused in those words alone", () => {
    const form = [
      { ...review, published: "30 February 2026" },
      { ...review, id: "", published: '<b>"soon"</b>' },
    ];
    expect(typedDateProblems(form, "2026-11-26").map((p) => [p.review, p.field])).toEqual([
      ['review "baby-q"', "published"],
      ["review 2 in the list", "published"],
    ]);
    const problems = editorProblems(reviewsFileText(form), settings, "2026-11-26", form);
    const said = editorMessage(problems.filter((p) => p.review === 'review "baby-q"'));
    expect(said).toBe(
      '1 problem:\n  1. review "baby-q", field "published": "30 February 2026" is not a day that exists, written day month year; write it as the site does, e.g. 26 November 2026.',
    );
    expect(editorMessage(problems)).not.toMatch(/YYYY-MM-DD/);
  });

  it("open and save a file unchanged: dates to words and back", () => {
    const text = `${JSON.stringify([review, { ...review, id: "baby-s", published: "2026-11-01" }], null, 2)}\n`;
    const opened = reviewsFromFile(text, 24, "2026-11-26") as Record<string, unknown>[];
    expect(opened.map((r) => r.published)).toEqual(["29 February 2024", "1 November 2026"]);
    expect(opened[0]!.leaves_site).toBe("SCR, left the site on 28 February 2026");
    expect(reviewsFileText(opened)).toBe(text);
  });
});
