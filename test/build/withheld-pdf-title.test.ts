import { describe, expect, it } from "vitest";
import { fixtureProject } from "../helpers/fixture-project.ts";
import { makePdf } from "../helpers/pdfs.ts";

const BUILD_DATE = "2026-11-26";

describe("a withheld review's PDF whose own title says overview", () => {
  it("fails npm run validate, naming the file, the review and the field; the same PDF on a published review passes", async () => {
    const pdf = await makePdf({ tagged: true, title: "Child Quill: Overview report", language: "en-GB" });
    const brief = (file: string) => ({ kind: "learning-brief", title: "Learning brief", file });
    const site = fixtureProject({
      reviews: [
        {
          id: "child-quill",
          title: "Child Quill",
          type: "SCR",
          area: "southvale",
          status: "withheld",
          published: "2026-03-01",
          documents: [brief("learning-brief.pdf")],
        },
        {
          id: "child-rowan",
          title: "Child Rowan",
          type: "CSPR",
          area: "northshire",
          status: "published",
          published: "2026-03-01",
          documents: [brief("brief.pdf")],
        },
      ],
      files: { "child-quill/learning-brief.pdf": pdf, "child-rowan/brief.pdf": pdf },
    });
    const validate = await site.run("validate", [], { BUILD_DATE });
    expect(validate.code).not.toBe(0);
    const output = validate.stderr + validate.stdout;
    expect(output).toContain(
      'reviews/child-quill/learning-brief.pdf, review "child-quill", field "documents[1].file": a withheld review must not have an overview report',
    );
    expect(output).toContain('the title saved inside the file, "Child Quill: Overview report", reads as "overview"');
    expect(output).not.toContain("child-rowan");
  });
});
