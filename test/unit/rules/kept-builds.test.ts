import { describe, expect, it } from "vitest";
import { broughtBack, rebuiltAt, type Listing } from "../../../src/rules/kept-builds.ts";

const listing = (buildDate: string, listed: Record<string, string | null>, documents: string[] = [], removed: string[] = []): Listing => ({
  buildDate,
  listed: Object.entries(listed).map(([id, removalDate]) => ({ id, removalDate })),
  removed,
  documents,
});
const doc = (id: string) => `reviews/${id}/overview-report.pdf`;
const asPublished = ({ listed, documents }: Listing) => ({ ids: listed.map((review) => review.id), documents: documents ?? [] });

describe("what making a kept build live would bring back", () => {
  const target = listing("2026-11-20", { stays: null, scr: "2027-03-01" }, [doc("stays"), doc("scr")]);

  it("nothing, when the live build publishes all of it", () => {
    expect(
      broughtBack(asPublished(target), target, listing("2026-11-21", { stays: null, scr: "2027-03-01" }, [doc("stays"), doc("scr")]), "2026-11-22"),
    ).toEqual([]);
  });

  it("a document withheld since (the live build lists its review without it), and a review deleted since, once each", () => {
    const live = listing("2026-11-21", { stays: null }, []);
    expect(broughtBack(asPublished(target), target, live, "2026-11-22")).toEqual(["the review scr", "the document reviews/stays/overview-report.pdf"]);
  });

  it("not an SCR that a live build dated after today dropped only by its date, which today still lists", () => {
    const live = listing("2090-06-01", { stays: null }, [doc("stays")]);
    const dropped = listing("2026-11-20", { stays: null, scr: "2027-03-01" }, [doc("stays"), doc("scr")]);
    expect(broughtBack(asPublished(dropped), dropped, live, "2026-11-22")).toEqual([]);
    // A live build dated today dropped it on purpose: counted.
    expect(broughtBack(asPublished(dropped), dropped, { ...live, buildDate: "2026-11-22" }, "2026-11-22")).toEqual(["the review scr"]);
  });

  it("against a live build that lists nothing: every review of the candidate", () => {
    expect(broughtBack(asPublished(target), target, listing("2026-11-21", {}), "2026-11-22")).toEqual(["the review stays", "the review scr"]);
    expect(broughtBack({ ids: [], documents: [] }, target, listing("2026-11-21", {}), "2026-11-22")).toEqual([]);
  });
});

describe("what a kept build's data publishes when rebuilt at a later date", () => {
  const review = (id: string, type: "CSPR" | "SCR", published: string) => ({ id, type, status: "published" as const, published });
  const reviews = [review("cspr", "CSPR", "2024-01-01"), review("leaves", "SCR", "2025-11-26"), review("soon", "CSPR", "2090-01-01")];

  it("without an SCR whose removal date has come, or its documents", () => {
    const kept = listing("2026-11-25", { cspr: null, leaves: "2026-11-26" }, [doc("cspr"), doc("leaves")]);
    expect(rebuiltAt(reviews, kept, "2026-11-26", { retentionMonths: 12 })).toEqual({ ids: ["cspr"], documents: [doc("cspr")] });
  });

  it("of a build dated after today: without what is not public yet today", () => {
    const kept = listing("2090-06-01", { cspr: null, soon: null }, [doc("cspr"), doc("soon")], ["leaves"]);
    expect(rebuiltAt(reviews, kept, "2026-11-24", { retentionMonths: 12 })).toEqual({ ids: ["cspr"], documents: [doc("cspr")] });
  });

  it("with a partnership's own retention period, and nothing from a build that listed nothing", () => {
    const kept = listing("2026-11-25", { cspr: null, leaves: "2027-11-26" }, [doc("leaves")]);
    expect(rebuiltAt(reviews, kept, "2026-11-26", { retentionMonths: 24 })).toEqual({ ids: ["cspr", "leaves"], documents: [doc("leaves")] });
    expect(rebuiltAt(reviews, listing("2026-11-25", {}), "2026-11-26", { retentionMonths: 12 })).toEqual({ ids: [], documents: [] });
  });
});
