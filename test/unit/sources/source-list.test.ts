import { describe, expect, it } from "vitest";
import { feedAddressProblem, readSources } from "../../../src/sources/source-list.ts";

const northshire = { id: "northshire", name: "Northshire Safeguarding Children Partnership", feed: "https://northshire.example.org/reviews.json" };

describe("a source's feed address", () => {
  it.each(["https://northshire.example.org/reviews.json", "http://127.0.0.1:8080/reviews.json", "http://localhost:4000/a/reviews.json"])(
    "accepts %s",
    (address) => {
      expect(feedAddressProblem(address)).toBeNull();
    },
  );

  it.each([
    ["http://northshire.example.org/reviews.json", "https://"],
    ["ftp://northshire.example.org/reviews.json", "https://"],
    ["file:///etc/passwd", "https://"],
    ["javascript:alert(1)", "https://"],
    ["https://user:secret@northshire.example.org/reviews.json", "name or password"],
    ["http://127.0.0.1.evil.example/reviews.json", "https://"],
    ["not an address", "not a web address"],
  ])("refuses %s, saying why", (address, why) => {
    expect(feedAddressProblem(address)).toContain(why);
  });
});

describe("_data/sources.json", () => {
  it("reads a list of sources, with an optional site", () => {
    const value = [
      northshire,
      { id: "southvale", name: "Southvale SCP", feed: "http://127.0.0.1:9000/reviews.json", site: "https://southvale.example.org/reviews" },
    ];
    expect(readSources(value)).toEqual({ sources: value, problems: [] });
  });

  it("reads an empty list as no sources", () => {
    expect(readSources([])).toEqual({ sources: [], problems: [] });
  });

  it("names the source and the field of each problem, and keeps none of a file with problems", () => {
    const { sources, problems } = readSources([
      northshire,
      { ...northshire, feed: "https://other.example.org/reviews.json" },
      { id: "Bad Id", name: "", feed: "http://east.example.org/reviews.json", site: "ftp://x" },
      { id: "extra", name: "Extra", feed: "https://extra.example.org/reviews.json", colour: "red" },
    ]);
    expect(sources).toEqual([]);
    const said = problems.map((p) => `${p.review ?? ""} ${p.field ?? ""}: ${p.message}`);
    expect(said.some((line) => line.startsWith('source "northshire" id:') && line.includes("twice"))).toBe(true);
    expect(said.some((line) => line.includes("id:") && line.includes("lowercase"))).toBe(true);
    expect(said.some((line) => line.includes("name:"))).toBe(true);
    expect(said.some((line) => line.includes("feed:") && line.includes("https://"))).toBe(true);
    expect(said.some((line) => line.includes("site:") && line.includes("https://"))).toBe(true);
    expect(said.some((line) => line.includes("colour"))).toBe(true);
    for (const problem of problems) expect(problem.file).toBe("_data/sources.json");
  });

  it("refuses what is not a list", () => {
    expect(readSources({ sources: [] }).problems[0]!.message).toContain("a list");
  });
});
