import { describe, expect, it } from "vitest";
import { newSeen } from "../../../../src/content/rules/at-hand.ts";
import { dateGivenUnlessDelayed, folderNotLinked, idNotReserved, idNotTaken, publishedByBuildDate } from "../../../../src/content/rules/review-rules.ts";
import { RESERVED_IDS } from "../../../../src/model/review.ts";
import { atHand } from "../../../helpers/review-at-hand.ts";

describe("dateGivenUnlessDelayed", () => {
  it("asks for the date of a review of any status but delayed that has none", () => {
    for (const status of ["published", "withheld", "an unknown status <b>"]) {
      expect(dateGivenUnlessDelayed(atHand({ status })), status).toEqual([
        { field: ["published"], message: expect.stringContaining('Only a review with status "delayed"') },
      ]);
    }
  });

  it("lets a delayed review have no date, and leaves a review without a status (or a date of any kind) to the schema", () => {
    expect(dateGivenUnlessDelayed(atHand({ status: "delayed" }))).toEqual([]);
    expect(dateGivenUnlessDelayed(atHand({}))).toEqual([]);
    expect(dateGivenUnlessDelayed(atHand({ status: 3 }))).toEqual([]);
    expect(dateGivenUnlessDelayed(atHand({ status: "published", published: null }))).toEqual([]);
  });
});

describe("idNotReserved", () => {
  it.each(RESERVED_IDS)("refuses the site's own address %s as an id and suggests another", (id) => {
    expect(idNotReserved(atHand({ id }))).toEqual([
      { field: ["id"], message: expect.stringContaining(`/reviews/${id}/ is where the site lists reviews by ${id}. Choose another id, e.g. "child-${id}".`) },
    ]);
  });

  it("accepts other ids, including ones that only contain a reserved word", () => {
    for (const id of [`child-${RESERVED_IDS[0]}`, RESERVED_IDS[0]!.toUpperCase(), "", 42]) expect(idNotReserved(atHand({ id }))).toEqual([]);
  });
});

describe("idNotTaken", () => {
  it("refuses a later review's id that an earlier one has, naming the first by place and line", () => {
    const seen = newSeen();
    expect(idNotTaken(atHand({ id: "family-q" }, { index: 2, seen }))).toEqual([]);
    expect(idNotTaken(atHand({ id: "other" }, { index: 3, seen }))).toEqual([]);
    expect(idNotTaken(atHand({ id: "family-q" }, { index: 5, seen }))).toEqual([
      { field: ["id"], message: 'the id "family-q" is already used by review 3 in the list (line 12); every review needs its own id.' },
    ]);
  });

  it("names each later repeat after the first, not after the one before it", () => {
    const seen = newSeen();
    idNotTaken(atHand({ id: "x-1" }, { index: 0, seen }));
    idNotTaken(atHand({ id: "x-1" }, { index: 1, seen }));
    expect(idNotTaken(atHand({ id: "x-1" }, { index: 2, seen }))[0]!.message).toContain("review 1 in the list (line 10)");
  });

  it("does not compare ids that are not slugs (the schema reports them)", () => {
    const seen = newSeen();
    idNotTaken(atHand({ id: "Child A" }, { index: 0, seen }));
    expect(idNotTaken(atHand({ id: "Child A" }, { index: 1, seen }))).toEqual([]);
  });
});

describe("folderNotLinked", () => {
  it("reports a folder that is a link, on the documents", () => {
    const review = { ...atHand({ id: "a" }), folder: { reviewsDir: "/r", id: "a", linked: "the folder reviews/a/ is a link" } };
    expect(folderNotLinked(review)).toEqual([{ field: ["documents"], message: "the folder reviews/a/ is a link" }]);
  });

  it("says nothing of a real folder, or where there is no folder to look in", () => {
    expect(folderNotLinked({ ...atHand({ id: "a" }), folder: { reviewsDir: "/r", id: "a", linked: undefined } })).toEqual([]);
    expect(folderNotLinked(atHand({ id: "a", documents: [{ file: "x.pdf" }] }))).toEqual([]);
  });
});

describe("publishedByBuildDate", () => {
  it("warns that a review dated after the build date is not listed until then", () => {
    expect(publishedByBuildDate({ published: "2026-11-27" }, { buildDate: "2026-11-26" })).toEqual([
      { field: ["published"], message: "the publication date 2026-11-27 is after the build date 2026-11-26; the review will not be listed until that date." },
    ]);
  });

  it("says nothing of a review dated on or before the build date, or not dated", () => {
    expect(publishedByBuildDate({ published: "2026-11-26" }, { buildDate: "2026-11-26" })).toEqual([]);
    expect(publishedByBuildDate({ published: "1999-01-01" }, { buildDate: "2026-11-26" })).toEqual([]);
    expect(publishedByBuildDate({}, { buildDate: "2026-11-26" })).toEqual([]);
  });
});
