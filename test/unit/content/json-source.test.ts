import { describe, expect, it } from "vitest";
import { parseJsonText, readJsonFile } from "../../../src/content/json-source.ts";

describe("parseJsonText", () => {
  it("reads valid JSON and finds the line of any field", () => {
    const { source, problems } = parseJsonText('[\n  {\n    "id": "a",\n    "published": "2025-01-01"\n  }\n]\n', "f.json");
    expect(problems).toEqual([]);
    expect(source!.value).toEqual([{ id: "a", published: "2025-01-01" }]);
    expect(source!.lineOf([0, "published"])).toBe(4);
    expect(source!.lineOf([0])).toBe(2);
    // A field that is not there: the nearest parent.
    expect(source!.lineOf([0, "title"])).toBe(2);
  });

  it.each([
    ['[\n  {"id": "a",}\n]', 2, 14, "a field name in double quotes"],
    ['[\n  {"id": "a"}\n  {"id": "b"}\n]', 3, 3, 'a comma ","'],
    ['[\n  {"id": "a"\n]', 3, 1, 'a comma ","'],
    ["[\n  {\"id\": 'a'}\n]", 2, 10, "a character that JSON does not allow here"],
    ["[\n  // note\n  {}\n]", 2, 3, "no comment"],
    ['[{"id": "a"}]\n]', 2, 1, "the end of the file"],
  ])("reports invalid JSON with its line and column: %j", (text, line, column, expected) => {
    const { source, problems } = parseJsonText(text, "_data/reviews.json");
    expect(source).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "_data/reviews.json", line, column });
    expect(problems[0]!.message).toContain(`the file is not valid JSON: expected ${expected}`);
  });

  it("reports an empty file", () => {
    expect(parseJsonText("", "f.json").problems[0]!.message).toMatch(/expected a value|empty/);
  });

  it("ignores a byte-order mark", () => {
    expect(parseJsonText("\ufeff[]", "f.json").source!.value).toEqual([]);
  });

  it("reports a missing file as a problem", () => {
    expect(readJsonFile("/nonexistent/reviews.json", "_data/reviews.json").problems).toEqual([
      { file: "_data/reviews.json", message: "the file does not exist." },
    ]);
  });

  it("reports a key given twice in one object, with its path and line, and keeps checking", () => {
    const { source, problems } = parseJsonText('{\n  "a": 1,\n  "b": {"c": 1, "c": 2},\n  "a": 3\n}', "f.json");
    expect(problems).toEqual([]);
    expect(source!.issues).toEqual([
      {
        path: ["b", "c"],
        line: 3,
        message: '"c" is given twice here (first on line 3, again on line 3); only one of the two would count, and it may be the wrong one. Keep one of them.',
      },
      {
        path: ["a"],
        line: 4,
        message: '"a" is given twice here (first on line 2, again on line 4); only one of the two would count, and it may be the wrong one. Keep one of them.',
      },
    ]);
  });

  it.each(["__proto__", "constructor", "prototype"])("refuses the reserved key %j, and leaves it out of the value", (key) => {
    const { source } = parseJsonText(`{\n  "areas": {\n    "${key}": {"polluted": true}\n  }\n}`, "f.json");
    expect(source!.issues).toEqual([
      {
        path: ["areas", key],
        line: 3,
        message: `"${key}" cannot be used as a name here: the program that builds the site gives it a special meaning. Use another name.`,
      },
    ]);
    expect(Object.keys((source!.value as { areas: object }).areas)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ["\\u000b", "U+000B"],
    ["\\u0000", "U+0000"],
    ["\\u001f", "U+001F"],
    ["\\uffff", "U+FFFF"],
    ["\\ud800", "U+D800"],
    ["\\udc00x", "U+DC00"],
  ])("refuses a character XML cannot carry: %s", (escaped, code) => {
    const { source } = parseJsonText(`{\n  "a": {"title": "Child ${escaped}A"}\n}`, "f.json");
    expect(source!.issues).toEqual([
      {
        path: ["a", "title"],
        line: 2,
        message: `the text has a control character (${code}) at character 7 that cannot be published: it would make the site's news feed invalid. Delete it (such characters often come with text pasted from another program).`,
      },
    ]);
  });

  it("accepts tabs, line breaks and a proper pair of surrogates (an emoji)", () => {
    expect(parseJsonText('{"summary": "a\\tb\\nc\\r\\n\\ud83d\\ude00"}', "f.json").source!.issues).toEqual([]);
  });

  it("refuses a control character in a key", () => {
    expect(parseJsonText('{"ti\\u0001tle": 1}', "f.json").source!.issues[0]).toMatchObject({
      path: ["ti\u0001tle"],
      message: expect.stringContaining("control character (U+0001) at character 3"),
    });
  });

  it.each([
    ["closed", "[".repeat(100_000) + "]".repeat(100_000)],
    ["unclosed", "[".repeat(100_000)],
    ["objects", '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000)],
  ])("reports JSON nested too deeply (%s) with the file name, not a stack overflow", (_, text) => {
    const { source, problems } = parseJsonText(text, "_data/reviews.json");
    expect(source).toBeUndefined();
    expect(problems).toEqual([
      {
        file: "_data/reviews.json",
        line: 1,
        column: expect.any(Number),
        message:
          'the file is nested too deeply: more than 32 levels of "[" and "{" inside each other, where the data needs only a few. Is there a stray "[" or "{"?',
      },
    ]);
  });

  it("counts brackets inside strings as text", () => {
    expect(parseJsonText(`{"a": "${"[".repeat(100)}"}`, "f.json").problems).toEqual([]);
  });
});

describe("parseJsonText's value", () => {
  it("is what JSON.parse gives for the same text, built from the one parse tree", async () => {
    const fc = await import("fast-check");
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const { source, problems } = parseJsonText(text, "f.json");
        expect(problems).toEqual([]);
        expect(source!.value).toStrictEqual(
          JSON.parse(text, (key, item: unknown) => (["__proto__", "constructor", "prototype"].includes(key) ? undefined : item)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the last of a key given twice, as JSON.parse does, and finds lines in a long file", () => {
    const { source } = parseJsonText('{"a": 1, "a": 2}', "f.json");
    expect(source!.value).toEqual({ a: 2 });
    const long = `[\n${Array.from({ length: 5000 }, (_, i) => `  {"id": "r${i}"}`).join(",\n")}\n]`;
    const many = parseJsonText(long, "f.json").source!;
    expect(many.lineOf([0, "id"])).toBe(2);
    expect(many.lineOf([4999, "id"])).toBe(5001);
    expect(many.lineOf([4999, "missing"])).toBe(5001);
  });
});
