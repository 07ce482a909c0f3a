import { describe, expect, it } from "vitest";
import { closest, unknownFieldMessage } from "../../../src/model/schema-messages.ts";

const FIELDS = ["id", "title", "type", "area", "status", "published", "summary", "themes", "documents"];

describe("did you mean", () => {
  it.each([
    ["titel", "title"],
    ["publsihed", "published"],
    ["Summary", "summary"],
    ["theme", "themes"],
    ["document", "documents"],
    ["staus", "status"],
  ])("suggests, for %j, %j", (name, guess) => expect(closest(name, FIELDS)).toBe(guess));

  it.each(["colour", "author", "x-custom-field"])("suggests nothing for %j, which is no near miss", (name) => expect(closest(name, FIELDS)).toBeUndefined());

  it("names the fields allowed, with or without a guess", () => {
    expect(unknownFieldMessage("titel", FIELDS)).toBe(`unknown field "titel": did you mean "title"? Fields allowed here: ${FIELDS.join(", ")}.`);
    expect(unknownFieldMessage("colour", FIELDS)).toBe(`unknown field "colour". Fields allowed here: ${FIELDS.join(", ")}.`);
  });
});
