import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  editorMessage,
  editorProblems,
  LEAVES_KEY,
  leavingLine,
  londonToday,
  reviewsFileText,
  reviewsFromFile,
  withLeavingLines,
} from "../../../src/cms/editor-rules.ts";
import { FIXTURES, fixtureReviews, fixtureSite } from "../../helpers/site.ts";

const northshire = { retentionMonths: 12, areaKeys: Object.keys(fixtureSite().areas as object) };
const valid = { id: "child-z", title: "Child Z", type: "SCR", area: "northshire", status: "published", published: "2026-11-20" };
const problemsOf = (list: unknown[], settings = northshire) => editorProblems(reviewsFileText(list), settings, "2026-11-26");

describe("the leaving line the editor's list shows", () => {
  it("gives a dated SCR the day it leaves, by the build's own rule: 29 February leaves on 28 February", () => {
    expect(leavingLine({ type: "SCR", published: "2025-12-15" }, 12, "2026-11-26")).toBe("SCR, leaves the site on 15 December 2026");
    expect(leavingLine({ type: "SCR", published: "2024-02-29" }, 12, "2025-02-27")).toBe("SCR, leaves the site on 28 February 2025");
    // Another partnership's retention period (test/fixtures/partnership-b keeps SCRs 24 months).
    expect(leavingLine({ type: "SCR", published: "2025-04-02" }, 24, "2026-11-26")).toBe("SCR, leaves the site on 2 April 2027");
  });

  it("says an SCR whose day has come has left, on that very day", () => {
    expect(leavingLine({ type: "SCR", published: "2025-11-26" }, 12, "2026-11-25")).toBe("SCR, leaves the site on 26 November 2026");
    expect(leavingLine({ type: "SCR", published: "2025-11-26" }, 12, "2026-11-26")).toBe("SCR, left the site on 26 November 2026");
    expect(leavingLine({ type: "SCR", published: "2024-02-29" }, 12, "2026-11-26")).toBe("SCR, left the site on 28 February 2025");
  });

  it("takes today as the date in London: 23:30 UTC on 30 June is 1 July there, and 31 December is still 31 December", () => {
    expect(londonToday(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(londonToday(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });

  it("says an SCR with no date yet leaves after its retention period, and a CSPR stays; anything else has no line", () => {
    expect(leavingLine({ type: "SCR", status: "delayed" }, 12, "2026-11-26")).toBe("SCR, leaves 12 months after it is published");
    expect(leavingLine({ type: "SCR", published: "2026-02-30" }, 12, "2026-11-26")).toBe("SCR, leaves 12 months after it is published");
    expect(leavingLine({ type: "SCR", status: "delayed" }, 24, "2026-11-26")).toBe("SCR, leaves 24 months after it is published");
    expect(leavingLine({ type: "SCR", status: "delayed" }, 1, "2026-11-26")).toBe("SCR, leaves 1 month after it is published");
    expect(leavingLine({ type: "CSPR", published: "2019-01-01" }, 12, "2026-11-26")).toBe("CSPR, stays listed");
    expect(leavingLine({ type: "scr", published: "2025-01-01" }, 12, "2026-11-26")).toBeUndefined();
    expect(leavingLine(null, 12, "2026-11-26")).toBeUndefined();
    expect(leavingLine(["SCR"], 12, "2026-11-26")).toBeUndefined();
  });
});

describe("the file as the editor reads and writes it", () => {
  // Both fixture partnerships' reviews (never this repository's own data, which is another partnership's to change).
  const partnerships = [
    ["Northshire (test/fixtures)", FIXTURES],
    ["partnership B (test/fixtures/partnership-b)", path.join(FIXTURES, "partnership-b")],
  ] as const;

  it.each(partnerships)("writes %s's reviews back in the one form (2-space JSON, a newline at the end), its leaving lines taken out", (_name, dir) => {
    const reviews = fixtureReviews(dir);
    const retentionMonths = fixtureSite(dir).retentionMonths as number;
    const shown = withLeavingLines(reviews, retentionMonths, "2026-11-26") as Record<string, unknown>[];
    expect(shown.every((review) => typeof review[LEAVES_KEY] === "string")).toBe(true);
    expect(reviewsFileText(shown)).toBe(`${JSON.stringify(reviews, null, 2)}\n`);
  });

  it("writes a file kept in that form back byte for byte, so a save changes only what the maintainer changed", () => {
    const text = `${JSON.stringify(fixtureReviews(path.join(FIXTURES, "partnership-b")), null, 2)}\n`;
    expect(reviewsFileText(reviewsFromFile(text, 24, "2026-11-26"))).toBe(text);
  });

  it("writes a file kept in another form (4 spaces, all on one line, no newline at the end) in the one form, the data unchanged", () => {
    const reviews = fixtureReviews();
    for (const text of [JSON.stringify(reviews, null, 4), JSON.stringify(reviews), `${JSON.stringify(reviews, null, "\t")}\r\n`]) {
      const written = reviewsFileText(reviewsFromFile(text, 12, "2026-11-26"));
      expect(written).toBe(`${JSON.stringify(reviews, null, 2)}\n`);
      expect(JSON.parse(written)).toEqual(JSON.parse(text));
    }
  });

  it("keeps hostile text as data: quotes, markup, line separators and non-Latin letters survive a round trip", () => {
    const hostile = [{ ...valid, title: 'Child "Z" </script><b>é 𝒵 \u2028', summary: "line\nbreak & <img src=x onerror=alert(1)>" }];
    const text = reviewsFileText(withLeavingLines(hostile, 12, "2026-11-26"));
    expect(JSON.parse(text)).toEqual(hostile);
    expect(text.endsWith("}\n]\n")).toBe(true);
  });

  it("opens a file that starts with a byte order mark (as Windows Notepad saves it), which the build accepts, and writes it back without one", () => {
    const text = `${JSON.stringify([valid], null, 2)}\n`;
    expect(editorProblems(`\uFEFF${text}`, northshire, "2026-11-26")).toEqual([]);
    const opened = reviewsFromFile(`\uFEFF${text}`, 12, "2026-11-26");
    expect(opened).toEqual(reviewsFromFile(text, 12, "2026-11-26"));
    expect(reviewsFileText(opened)).toBe(text);
  });

  it("writes an empty list as the file's empty list, and leaves a value that is not a list as it is", () => {
    expect(reviewsFileText(withLeavingLines([], 12, "2026-11-26"))).toBe("[]\n");
    expect(withLeavingLines({ reviews: [] }, 12, "2026-11-26")).toEqual({ reviews: [] });
  });
});

describe("what the editor refuses to save: the build's own validation", () => {
  it("accepts a valid review, and both fixture partnerships' reviews with their own areas", () => {
    expect(problemsOf([valid])).toEqual([]);
    for (const dir of [FIXTURES, path.join(FIXTURES, "partnership-b")]) {
      const site = fixtureSite(dir) as { areas: object; retentionMonths: number };
      expect(problemsOf(fixtureReviews(dir), { retentionMonths: site.retentionMonths, areaKeys: Object.keys(site.areas) }), dir).toEqual([]);
    }
  });

  it("refuses no title, an impossible date, a missing date unless delayed, a duplicate id, and an area of another partnership", () => {
    const { title: _title, ...untitled } = valid;
    const { published: _published, ...undated } = valid;
    const problems = problemsOf([
      untitled,
      { ...valid, id: "child-y", published: "2026-02-30" },
      { ...undated, id: "child-x" },
      { ...valid },
      { ...valid, id: "child-w", area: "eastmere" },
    ]);
    const said = problems.map((p) => `${p.review} ${p.field}: ${p.message}`).join("\n");
    expect(said).toMatch(/review "child-z" title: .*missing/);
    expect(said).toMatch(/review "child-y" published: "2026-02-30" is not a real calendar date/);
    expect(said).toMatch(/review "child-x" published: this field is missing.*delayed/);
    expect(said).toMatch(/review "child-z" id: the id "child-z" is already used by review 1/);
    expect(said).toMatch(/review "child-w" area: .*northshire/);
    expect(problemsOf([{ ...undated, status: "delayed" }])).toEqual([]);
  });

  it("says the problems by review and field, without the name or line numbers of a file the officer never sees", () => {
    const message = editorMessage(
      problemsOf([
        { ...valid, published: "2026-13-01" },
        { ...valid, id: "child-w", area: "atlantis" },
      ]),
    );
    expect(message).toMatch(/^2 problems:\n {2}1\. review "child-z", field "published": /);
    expect(message).toMatch(/\n {2}2\. review "child-w", field "area": /);
    expect(message).not.toMatch(/line \d|_data\/|reviews\.json|site\.json/);
  });

  it("never looks for files: a document's file is checked on the commit, where the folder is", () => {
    const withDocument = { ...valid, documents: [{ kind: "overview-report", title: "Overview report", file: "not-uploaded-yet.pdf" }] };
    expect(problemsOf([withDocument])).toEqual([]);
    expect(problemsOf([{ ...withDocument, documents: [{ kind: "overview-report", title: "Overview report" }] }])[0]?.message).toMatch(
      /neither "file" nor "url"/,
    );
  });
});
