import { describe, expect, it } from "vitest";
import { withBareUploadNames } from "../../../src/cms/upload-names.ts";

const review = (file: unknown) => ({
  id: "child-z",
  documents: [
    { kind: "briefing", title: "Briefing", file },
    { kind: "other", title: "Elsewhere", url: "https://example.org/x.pdf" },
  ],
});

describe("a document chosen in the editor from the files already uploaded", () => {
  it("is saved by its name alone, as a new upload is (the editor gives it as its path on the site)", () => {
    expect(withBareUploadNames([review("/reviews/uploads/shared-briefing.pdf")])).toEqual([review("shared-briefing.pdf")]);
    expect(withBareUploadNames([review("/shared briefing (2).pdf")])).toEqual([review("shared briefing (2).pdf")]);
  });

  it("leaves a plain name, a name with any other folder, and what is not a document's file as they are (validation reports those)", () => {
    for (const file of ["overview-report.pdf", "/reviews/child-a/x.pdf", "/reviews/uploads/../x.pdf", "/reviews/uploads/", "/", 42, undefined]) {
      expect(withBareUploadNames([review(file)])).toEqual([review(file)]);
    }
    expect(withBareUploadNames("not a list")).toBe("not a list");
    expect(withBareUploadNames([null, { id: "a", documents: "none" }])).toEqual([null, { id: "a", documents: "none" }]);
  });
});
