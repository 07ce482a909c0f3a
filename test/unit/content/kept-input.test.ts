import { describe, expect, it } from "vitest";
import { checkKeptInput } from "../../../src/content/kept-input.ts";
import type { BuildInput } from "../../../src/content/build-input.ts";
import type { SiteSettings } from "../../../src/model/site-settings.ts";
import { formatProblem } from "../../../src/model/problems.ts";
import { fixtureSite } from "../../helpers/site.ts";

const FILE = "/srv/_site.builds/2026-11-25-x/input/build-input.json";

/** A kept input as the build writes it: documents carry their size and what the build read from them. */
function kept(): BuildInput {
  return {
    buildDate: "2026-11-25",
    contentRoot: "/srv/project",
    site: fixtureSite() as unknown as SiteSettings,
    reviews: [
      {
        id: "child-a",
        title: "Child A <script>",
        type: "SCR",
        area: "northshire",
        status: "published",
        published: "2025-11-26",
        summary: "About neglect.",
        themes: ["neglect"],
        documents: [
          {
            kind: "overview-report",
            title: "Overview report",
            file: "overview report (final).pdf",
            bytes: 1234,
            facts: { format: "pdf", pages: 3, title: null, language: "en-GB", tagged: false, hasText: true, text: "text" },
          },
          { kind: "learning-brief", title: "Brief", file: "brief.md", bytes: 10, facts: { format: "markdown", source: "## Brief" } },
          { kind: "response", title: "Response", url: "https://example.org/response" },
        ],
      },
      { id: "child-b", title: "Child B", type: "CSPR", area: "southvale", status: "delayed", themes: [], documents: [] },
    ],
    warnings: [{ file: "_data/reviews.json", review: 'review "child-a"', message: "a warning" }],
  };
}

const messages = (value: unknown) => checkKeptInput(value, FILE).problems.map(formatProblem);

describe("a kept build input, checked before it is rebuilt", () => {
  it("is accepted as the build wrote it, documents' sizes and facts included", () => {
    expect(checkKeptInput(JSON.parse(JSON.stringify(kept())), FILE)).toEqual({ input: kept(), problems: [] });
  });

  it("is accepted with no reviews at all", () => {
    expect(checkKeptInput({ ...kept(), reviews: [] }, FILE).input?.reviews).toEqual([]);
  });

  it("is refused when a review has a value the current schema refuses, naming the file, the review and the field", () => {
    const input = kept();
    (input.reviews[0] as { status: string }).status = "archived";
    expect(messages(input)).toEqual([`${FILE}, review "child-a", field "status": expected one of "published", "withheld" or "delayed", got "archived".`]);
  });

  it("is refused when a review has a field the current schema does not know", () => {
    const input = { ...kept(), reviews: [{ ...kept().reviews[0], retired: '"><img src=x>' }] };
    expect(messages(input)).toEqual([expect.stringMatching(new RegExp(`^${FILE}, review "child-a", field "retired": `))]);
  });

  it("is refused when a withheld review still has its overview report, as _data/ would be", () => {
    const input = { ...kept(), reviews: [{ ...kept().reviews[0], status: "withheld" }] };
    expect(messages(input).join("\n")).toContain('review "child-a", field "documents[1].kind"');
  });

  it("is refused when a withheld review's PDF says inside the file that it is the overview report, as _data/ would be", () => {
    const review = kept().reviews[0]!;
    const pdf = { ...review.documents[0]!, kind: "other", title: "Chronology", file: "chronology.pdf" } as (typeof review.documents)[number] & {
      facts: { title: string | null };
    };
    pdf.facts = { ...pdf.facts, title: "Overview report" };
    const input = { ...kept(), reviews: [{ ...review, status: "withheld", documents: [pdf] }] };
    expect(messages(input)).toEqual([expect.stringContaining('review "child-a", field "documents[1].file"')]);
    expect(messages(input)[0]).toContain("the title saved inside the file");
    expect(checkKeptInput({ ...input, reviews: [{ ...review, documents: [pdf] }] }, FILE).problems).toEqual([]);
  });

  it("is refused when a site setting is not valid, naming it under site", () => {
    expect(messages({ ...kept(), site: { ...kept().site, url: "http://example.org" } })).toEqual([expect.stringContaining(`${FILE}, field "site.url": `)]);
  });

  it("is refused when what the build read from a document is missing or not of this version's shape", () => {
    const input = kept();
    const docs = input.reviews[0]!.documents as unknown as Record<string, unknown>[];
    delete docs[0]!.bytes;
    docs[1]!.facts = { format: "markdown", text: "no source" };
    expect(messages(input)).toEqual([
      expect.stringContaining(
        'review "child-a", field "documents[1]": what the build read from overview report (final).pdf is missing or not as this version expects',
      ),
      expect.stringContaining('review "child-a", field "documents[2]": what the build read from brief.md is missing'),
    ]);
  });

  it("is refused when it is not a build input at all", () => {
    expect(messages([])).toHaveLength(1);
    expect(messages({ ...kept(), buildDate: "2026-02-30" }).join("\n")).toContain('field "buildDate"');
    expect(messages({ ...kept(), reviews: "none" }).join("\n")).toContain('field "reviews"');
  });
});
