import { describe, expect, it } from "vitest";
import { leavingChanges, leavingNote } from "../../../src/cms/leaving-changes.ts";

const saved = [
  { id: "child-a", title: "Child A", type: "SCR", published: "2025-12-15" },
  { id: "child-b", title: "Child B", type: "CSPR", published: "2025-01-10" },
];

describe("the leaving days the editor's preview shows before a save", () => {
  it("shows nothing while no review is new or re-dated", () => {
    expect(leavingChanges(saved, saved, 12, "2026-11-26")).toEqual([]);
    expect(
      leavingChanges(
        saved.map((r) => ({ ...r, title: `${r.title} (revised)`, leaves_site: "x" })),
        saved,
        12,
        "2026-11-26",
      ),
    ).toEqual([]);
  });

  it("gives a new SCR the day it leaves by the build's own rule, for this partnership's retention period", () => {
    const added = { id: "child-z", title: "Child Z", type: "SCR", published: "2024-02-29" };
    expect(leavingChanges([added, ...saved], saved, 12, "2024-03-01")).toEqual([
      { title: "Child Z", change: "new", line: "SCR, leaves the site on 28 February 2025", byRule: true },
    ]);
    expect(leavingChanges([added, ...saved], saved, 24, "2024-03-01")).toEqual([
      { title: "Child Z", change: "new", line: "SCR, leaves the site on 28 February 2026", byRule: true },
    ]);
  });

  it("gives a re-dated SCR its new day, and an SCR whose new date is long past the day it left", () => {
    const redated = [{ ...saved[0]!, published: "2026-06-30" }, saved[1]!];
    expect(leavingChanges(redated, saved, 12, "2026-11-26")).toEqual([
      { title: "Child A", change: "re-dated", line: "SCR, leaves the site on 30 June 2027", byRule: true },
    ]);
    const past = [{ ...saved[0]!, published: "2024-01-01" }, saved[1]!];
    expect(leavingChanges(past, saved, 12, "2026-11-26")).toEqual([
      { title: "Child A", change: "re-dated", line: "SCR, left the site on 1 January 2025", byRule: true },
    ]);
  });

  it("says what a new review still needs: a type, or a date; a review made a CSPR stays listed", () => {
    expect(leavingChanges([{ id: "" }, ...saved], saved, 12, "2026-11-26")).toEqual([
      { title: "A new review", change: "new", line: "choose its type (CSPR or SCR) to see how long it stays", byRule: false },
    ]);
    expect(leavingChanges([{ id: "child-y", title: "Child Y", type: "SCR" }], [], 12, "2026-11-26")[0]!.line).toBe(
      "SCR, leaves 12 months after it is published",
    );
    expect(leavingChanges([{ ...saved[0]!, type: "CSPR" }], saved, 12, "2026-11-26")).toEqual([
      { title: "Child A", change: "re-dated", line: "CSPR, stays listed", byRule: true },
    ]);
  });

  it("takes a field the form does not show (not rendered yet) as saved, and one shown empty as emptied", () => {
    expect(leavingChanges([{ id: "child-a", published: "2026-06-30" }], saved, 12, "2026-11-26")).toEqual([
      { title: "Child A", change: "re-dated", line: "SCR, leaves the site on 30 June 2027", byRule: true },
    ]);
    expect(leavingChanges([{ id: "child-a", published: "2025-12-15" }], saved, 12, "2026-11-26")).toEqual([]);
    expect(leavingChanges([{ id: "child-a", type: "SCR", published: undefined }], saved, 12, "2026-11-26")).toEqual([
      { title: "Child A", change: "re-dated", line: "SCR, leaves 12 months after it is published", byRule: true },
    ]);
  });

  it("takes what is not a list, or a review that is not an object, as nothing to show", () => {
    expect(leavingChanges(undefined, saved, 12, "2026-11-26")).toEqual([]);
    expect(leavingChanges([null, "x", 3], undefined, 12, "2026-11-26")).toEqual([]);
  });

  it("reads the form's date as typed, in words or day/month/year, as the same day as the file's YYYY-MM-DD", () => {
    const shown = saved.map((r) => ({ ...r, published: r.id === "child-a" ? "15 December 2025" : "10/01/2025" }));
    expect(leavingChanges(shown, saved, 12, "2026-11-26")).toEqual([]);
    expect(leavingChanges([{ id: "child-a", published: " 15 Dec 2025 " }], saved, 12, "2026-11-26")).toEqual([]);
    expect(leavingChanges([{ id: "child-a", published: "20 November 2026" }], saved, 12, "2026-11-26")).toEqual([
      { title: "Child A", change: "re-dated", line: "SCR, leaves the site on 20 November 2027", byRule: true },
    ]);
    expect(leavingChanges([{ id: "child-z", title: "Child Z", type: "SCR", published: "20/11/2026" }], saved, 24, "2026-11-26")).toEqual([
      { title: "Child Z", change: "new", line: "SCR, leaves the site on 20 November 2028", byRule: true },
    ]);
  });

  it("gives no day for a date that cannot be read or does not exist, and says the date cannot be read", () => {
    for (const typed of ["30 February 2027", "02/29/2027", "20 Nov", "<b>soon</b>", "2027-13-01"]) {
      const [change] = leavingChanges([{ id: "child-a", published: typed }], saved, 12, "2026-11-26");
      expect(change, typed).toEqual({
        title: "Child A",
        change: "re-dated",
        line: "the date published cannot be read, so the day it leaves is not known: write it day month year, e.g. 26 November 2026",
        byRule: false,
      });
      expect(leavingNote(change!)).not.toMatch(/leaves the site on|left the site on|by the site's rule/);
    }
    // A CSPR stays listed whatever its date.
    expect(leavingChanges([{ id: "child-a", type: "CSPR", published: "30 February 2027" }], saved, 12, "2026-11-26")[0]!.line).toBe("CSPR, stays listed");
  });

  it("says under the date the day by the site's rule, or first what is missing, and whether the review is new or re-dated", () => {
    expect(leavingNote({ title: "Child Z", change: "new", line: "SCR, leaves the site on 20 November 2027", byRule: true })).toBe(
      "SCR, leaves the site on 20 November 2027, by the site's rule (this review is new, not saved yet).",
    );
    expect(leavingNote({ title: "A new review", change: "re-dated", line: "choose its type (CSPR or SCR) to see how long it stays", byRule: false })).toBe(
      "Choose its type (CSPR or SCR) to see how long it stays (this review is re-dated, not saved yet).",
    );
  });
});
