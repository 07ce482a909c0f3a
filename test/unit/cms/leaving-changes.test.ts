import { describe, expect, it } from "vitest";
import { leavingChanges } from "../../../src/cms/leaving-changes.ts";

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
      { title: "Child Z", change: "new", line: "SCR, leaves the site on 2025-02-28" },
    ]);
    expect(leavingChanges([added, ...saved], saved, 24, "2024-03-01")).toEqual([
      { title: "Child Z", change: "new", line: "SCR, leaves the site on 2026-02-28" },
    ]);
  });

  it("gives a re-dated SCR its new day, and an SCR whose new date is long past the day it left", () => {
    const redated = [{ ...saved[0]!, published: "2026-06-30" }, saved[1]!];
    expect(leavingChanges(redated, saved, 12, "2026-11-26")).toEqual([{ title: "Child A", change: "re-dated", line: "SCR, leaves the site on 2027-06-30" }]);
    const past = [{ ...saved[0]!, published: "2024-01-01" }, saved[1]!];
    expect(leavingChanges(past, saved, 12, "2026-11-26")).toEqual([{ title: "Child A", change: "re-dated", line: "SCR, left the site on 2025-01-01" }]);
  });

  it("says what a new review still needs: a type, or a date; a review made a CSPR stays listed", () => {
    expect(leavingChanges([{ id: "" }, ...saved], saved, 12, "2026-11-26")).toEqual([
      { title: "A new review", change: "new", line: "choose its type (CSPR or SCR) to see how long it stays" },
    ]);
    expect(leavingChanges([{ id: "child-y", title: "Child Y", type: "SCR" }], [], 12, "2026-11-26")[0]!.line).toBe(
      "SCR, leaves 12 months after it is published",
    );
    expect(leavingChanges([{ ...saved[0]!, type: "CSPR" }], saved, 12, "2026-11-26")).toEqual([
      { title: "Child A", change: "re-dated", line: "CSPR, stays listed" },
    ]);
  });

  it("takes a field the form does not show (not rendered yet) as saved, and one shown empty as emptied", () => {
    expect(leavingChanges([{ id: "child-a", published: "2026-06-30" }], saved, 12, "2026-11-26")).toEqual([
      { title: "Child A", change: "re-dated", line: "SCR, leaves the site on 2027-06-30" },
    ]);
    expect(leavingChanges([{ id: "child-a", published: "2025-12-15" }], saved, 12, "2026-11-26")).toEqual([]);
    expect(leavingChanges([{ id: "child-a", type: "SCR", published: undefined }], saved, 12, "2026-11-26")).toEqual([
      { title: "Child A", change: "re-dated", line: "SCR, leaves 12 months after it is published" },
    ]);
  });

  it("takes what is not a list, or a review that is not an object, as nothing to show", () => {
    expect(leavingChanges(undefined, saved, 12, "2026-11-26")).toEqual([]);
    expect(leavingChanges([null, "x", 3], undefined, 12, "2026-11-26")).toEqual([]);
  });
});
