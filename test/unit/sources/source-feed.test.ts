import { describe, expect, it } from "vitest";
import { FEED_VERSION, type FeedRecord, type ReviewFeed } from "../../../src/model/review-feed.ts";
import { feedOf, feedRecord } from "../../helpers/hand-made-feeds.ts";
import { MAX_FEED_BYTES, MAX_PROBLEMS, readSourceFeed } from "../../../src/sources/source-feed.ts";
import type { Source } from "../../../src/sources/source-list.ts";

const TODAY = "2026-11-26";
const source: Source = { id: "northshire", name: "Northshire SCP", feed: "https://northshire.example.org/reviews.json" };
const SITE = "https://northshire.example.org";

function record(id: string, fields: Partial<FeedRecord> = {}): FeedRecord {
  const documents: FeedRecord["documents"] = [
    { kind: "overview-report", title: "Overview report", url: `${SITE}/reviews/${id}/report.pdf`, format: "PDF", bytes: 1000, pages: 3 },
  ];
  return feedRecord("northshire", id, { documents, ...fields });
}

function feed(reviews: unknown[], fields: Partial<ReviewFeed> = {}): string {
  return feedOf("northshire", reviews, { buildDate: TODAY, publisher: { name: "Northshire SCP", url: SITE, retentionMonths: 12 }, ...fields });
}

const read = (text: string | Uint8Array, from: Source = source) => readSourceFeed(text, from, TODAY);
const messages = (result: ReturnType<typeof read>) => result.problems.map((p) => `${p.review ?? ""} ${p.field ?? ""}: ${p.message}`);

describe("reading a source's feed", () => {
  it("keeps a good feed's records, each qualified by its source", () => {
    const result = read(feed([record("child-a"), record("child-b")]));
    expect(result.problems).toEqual([]);
    expect(result.readable).toBe(true);
    expect(result.records.map((r) => [r.key, r.source, r.id])).toEqual([
      ["northshire/child-a", "northshire", "child-a"],
      ["northshire/child-b", "northshire", "child-b"],
    ]);
    expect(result.publisher).toEqual({ name: "Northshire SCP", url: SITE, retentionMonths: 12 });
  });

  it("refuses a feed that is not on https (or http on this machine), before reading it", () => {
    const result = read(feed([record("child-a")]), { ...source, feed: "http://northshire.example.org/reviews.json" });
    expect(result.readable).toBe(false);
    expect(result.records).toEqual([]);
    expect(messages(result)[0]).toContain("https://");
  });

  it("refuses a feed larger than the bound, naming its size and the bound", () => {
    const big = new Uint8Array(MAX_FEED_BYTES + 1).fill(32);
    const result = read(big);
    expect(result.readable).toBe(false);
    expect(messages(result)[0]).toMatch(/MB.*at most|at most.*MB/);
  });

  it.each([
    ["not JSON", "<html>Not found</html>", "not JSON"],
    ["not UTF-8", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), "UTF-8"],
    ["a list, not a feed", "[]", "expected"],
    ["another version", feed([], { version: 2 as 1 }), "version 2"],
    ["no publisher", JSON.stringify({ version: FEED_VERSION, buildDate: TODAY, reviews: [] }), "publisher"],
  ])("refuses a feed that is %s, saying why", (_, text, why) => {
    const result = read(text);
    expect(result.readable).toBe(false);
    expect(result.records).toEqual([]);
    expect(messages(result).join("\n")).toContain(why);
  });

  it("refuses a feed that claims to be another site's", () => {
    const result = read(
      feed([record("child-a", { pageUrl: "https://southvale.example.org/reviews/child-a/" })], {
        publisher: { name: "Southvale", url: "https://southvale.example.org", retentionMonths: 12 },
      }),
    );
    expect(result.readable).toBe(false);
    expect(messages(result)[0]).toContain("https://southvale.example.org");
  });

  it("accepts the source's own site when the feed is served from elsewhere (a mirror)", () => {
    const mirror = { ...source, feed: "http://127.0.0.1:8123/northshire/reviews.json", site: SITE };
    expect(read(feed([record("child-a")]), mirror).records.map((r) => r.key)).toEqual(["northshire/child-a"]);
  });

  it("drops a record whose page is on another site, and keeps the rest", () => {
    const result = read(feed([record("child-a", { pageUrl: "https://evil.example/reviews/child-a/" }), record("child-b")]));
    expect(result.records.map((r) => r.id)).toEqual(["child-b"]);
    expect(messages(result)).toEqual([expect.stringMatching(/^review "child-a" pageUrl: .*evil\.example/)]);
  });

  it("holds a source on a shared host to its own path: another partnership's pages there are not its own", () => {
    const shared = { ...source, feed: "https://owner.github.io/north/reviews.json" };
    const north = "https://owner.github.io/north";
    const own = record("child-a", { pageUrl: `${north}/reviews/child-a/`, documents: [] });
    const other = record("child-b", { pageUrl: "https://owner.github.io/south/reviews/child-b/", documents: [] });
    const result = read(feed([own, other], { publisher: { name: "North", url: north, retentionMonths: 12 } }), shared);
    expect(result.records.map((r) => r.id)).toEqual(["child-a"]);
    expect(messages(result)).toEqual([expect.stringMatching(/^review "child-b" pageUrl: /)]);
    const claims = read(feed([own], { publisher: { name: "South", url: "https://owner.github.io/south", retentionMonths: 12 } }), shared);
    expect(claims.readable).toBe(false);
  });

  it("drops a document at a plain http address elsewhere, and keeps its review", () => {
    const result = read(
      feed([
        record("child-a", { documents: [{ kind: "other", title: "Doc", url: "http://elsewhere.example/doc.pdf", format: "PDF", bytes: null, pages: null }] }),
      ]),
    );
    expect(result.records[0]!.documents).toEqual([]);
    expect(messages(result)[0]).toMatch(/^review "child-a" documents\[1\]\.url: /);
  });

  it("drops an SCR whose leaving day has come by the finder's own date, even when its feed still lists it", () => {
    const stale = record("scr-old", { type: "SCR", published: "2025-11-26", leaves: null });
    const later = record("scr-later", { type: "SCR", published: "2025-11-27", leaves: "2026-11-27" });
    const claimsLonger = record("scr-claims", { type: "SCR", published: "2025-10-01", leaves: "2027-10-01" });
    const result = read(feed([stale, later, claimsLonger]));
    expect(result.records.map((r) => [r.id, r.leaves])).toEqual([["scr-later", "2026-11-27"]]);
    expect(result.dropped.map((d) => d.key)).toEqual(["northshire/scr-old", "northshire/scr-claims"]);
    expect(result.dropped[0]!.reason).toContain("2026-11-26");
  });

  it("takes the earlier leaving day when the feed's is sooner than the rule's", () => {
    const result = read(feed([record("scr-soon", { type: "SCR", published: "2026-06-01", leaves: "2026-12-01" })]));
    expect(result.records[0]!.leaves).toBe("2026-12-01");
  });

  it("drops a review dated after the finder's date, and a second record with the same id", () => {
    const result = read(feed([record("soon", { published: "2026-11-27" }), record("twice"), record("twice", { title: "Other" })]));
    expect(result.records.map((r) => [r.id, r.title])).toEqual([["twice", "Child twice"]]);
    expect(result.dropped.map((d) => d.key)).toEqual(["northshire/soon"]);
    expect(messages(result)).toEqual([expect.stringMatching(/^review "twice" id: .*more than once/)]);
  });

  it("reports each bad record by review and field, and keeps the good ones", () => {
    const result = read(feed([{ ...record("bad"), published: "2026-02-30", type: "XYZ" }, { id: 7 }, record("good")]));
    expect(result.records.map((r) => r.id)).toEqual(["good"]);
    const said = messages(result);
    expect(said.some((line) => line.startsWith('review "bad" published:'))).toBe(true);
    expect(said.some((line) => line.startsWith('review "bad" type:'))).toBe(true);
    expect(said.some((line) => line.startsWith("review 2 id:"))).toBe(true);
  });

  it("lists at most a bounded number of problems for a feed wrong throughout, and says how many more", () => {
    const result = read(feed(Array.from({ length: 500 }, (_, i) => ({ id: `r-${i}`, title: 1 }))));
    expect(result.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(result.problems.at(-1)!.message).toMatch(/^and [\d,]+ more problems/);
  });

  it("keeps HTML in a title as the text it is, and turns line breaks and control characters into spaces", () => {
    const title = '<script>alert(1)</script><img src=x onerror=alert(1)> "Child" & Co';
    const result = read(feed([record("html", { title: `${title}\u2028\u0000x`, summary: "a\r\nb\u0085c", themes: ["<b>neglect</b>\n"] })]));
    const [kept] = result.records;
    expect(kept!.title).toBe(`${title} x`);
    expect(kept!.summary).toBe("a b c");
    expect(kept!.themes).toEqual(["<b>neglect</b>"]);
  });

  it("drops a record whose text is longer than a review's may be", () => {
    const result = read(feed([record("long", { title: "x".repeat(201) }), record("ok")]));
    expect(result.records.map((r) => r.id)).toEqual(["ok"]);
    expect(messages(result)[0]).toMatch(/^review "long" title: .*200/);
  });

  it("drops a record whose area key is not a slug (it names the finder's filter pages and addresses), and keeps its area's name as text", () => {
    const hostile = '<img src=x onerror=alert(1)> & "West"\n';
    const result = read(feed([record("bad-area", { area: "../x?y=<b>" }), record("named", { area: "west", areaName: hostile })]));
    expect(result.records.map((r) => [r.id, r.area, r.areaName])).toEqual([["named", "west", '<img src=x onerror=alert(1)> & "West"']]);
    expect(messages(result)).toEqual([expect.stringMatching(/^review "bad-area" area: /)]);
  });

  it("reads a feed with no reviews as readable and empty", () => {
    const result = read(feed([]));
    expect(result).toMatchObject({ readable: true, records: [], problems: [], dropped: [] });
  });
});
