import { describe, expect, it } from "vitest";
import { reviewsFileText } from "../../../src/cms/editor-rules.ts";
import { keepUntouched } from "../../../src/cms/untouched.ts";

const file = [
  { id: "child-a", title: "Child A", summary: "  Starts with spaces.\nEnds with a newline.\n", themes: [], type: "CSPR" },
  { title: "Child B", id: "child-b", type: "SCR", documents: [], summary: "" },
  { id: "child-c", title: "Child C", type: "CSPR" },
];
/** What Sveltia CMS hands back for the same reviews, after the maintainer changed only Child C's title. */
const fromTheForm = [
  { id: "child-a", title: "Child A", type: "CSPR", summary: "Starts with spaces.\nEnds with a newline." },
  { id: "child-b", title: "Child B", type: "SCR" },
  { id: "child-c", title: "Child C (revised)", type: "CSPR" },
];

describe("a save changes only what the maintainer changed", () => {
  it("keeps reviews nobody changed exactly as the file had them: whitespace, empty fields, field order", () => {
    const kept = keepUntouched(fromTheForm, file) as unknown[];
    expect(kept[0]).toBe(file[0]);
    expect(kept[1]).toBe(file[1]);
    expect(kept[2]).toEqual({ id: "child-c", title: "Child C (revised)", type: "CSPR" });
    const before = reviewsFileText(file).split("\n");
    const after = reviewsFileText(kept).split("\n");
    expect(after.filter((line, i) => line !== before[i])).toEqual(['    "title": "Child C (revised)",']);
  });

  it("takes a real change to a review the form also tidied, and a new review, and leaves out a removed one", () => {
    const changed = [
      { ...fromTheForm[0], summary: "A new summary." },
      { id: "child-d", title: "Child D", type: "CSPR" },
    ];
    expect(keepUntouched(changed, file)).toEqual(changed);
  });

  it("matches reviews by id, not by place, so reordering or adding at the top keeps the untouched ones", () => {
    const kept = keepUntouched([{ id: "child-new", title: "New", type: "CSPR" }, ...[...fromTheForm].reverse()], file) as unknown[];
    expect(kept[3]).toBe(file[0]);
    expect(kept[2]).toBe(file[1]);
  });

  it("leaves anything that is not a list of reviews as it is", () => {
    expect(keepUntouched({ reviews: [] }, file)).toEqual({ reviews: [] });
    expect(keepUntouched(fromTheForm, undefined)).toBe(fromTheForm);
    expect(keepUntouched([null, "x"], file)).toEqual([null, "x"]);
  });
});
