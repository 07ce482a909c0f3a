import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../src/model/dates.ts";
import { type FetchFeed, type Harvest, harvestAt, harvestSources, KEEP_UNREAD_DAYS } from "../../../src/sources/harvest.ts";
import type { Source } from "../../../src/sources/source-list.ts";
import { feedOf, feedRecord, sourceNamed } from "../../helpers/hand-made-feeds.ts";

const TODAY = "2026-11-26";
const north = sourceNamed("northshire");
const south = sourceNamed("southvale");

/** A fetch that answers from a table of feed addresses: a string is the feed's body, `{ problem }` a failure. */
function fetchFrom(table: Record<string, string | { problem: string }>): FetchFeed & { asked: string[] } {
  const asked: string[] = [];
  const fetch = async (address: string) => {
    asked.push(address);
    const answer = table[address];
    if (answer === undefined) return { ok: false as const, problem: "no such feed in this test" };
    if (typeof answer === "string") return { ok: true as const, body: new TextEncoder().encode(answer) };
    return { ok: false as const, problem: answer.problem };
  };
  return Object.assign(fetch, { asked });
}

const down = { problem: "the site could not be reached" };
const harvest = (sources: Source[], fetchFeed: FetchFeed, today: IsoDate = TODAY, previous: Harvest | null = null) =>
  harvestSources(sources, { today, previous, fetchFeed });
const keys = (h: Harvest) => h.records.map((r) => r.key);
const report = (h: Harvest, id: string) => h.sources.find((s) => s.source.id === id)!;
const said = (h: Harvest, id: string) => report(h, id).problems.map((p) => `${p.review ?? ""} ${p.field ?? ""}: ${p.message}`);

describe("harvesting every source", () => {
  it("reports every source in the order of sources.json, and lists their records newest first", async () => {
    const h = await harvest(
      [south, north],
      fetchFrom({
        [north.feed]: feedOf("northshire", [feedRecord("northshire", "a", { published: "2026-03-01" }), feedRecord("northshire", "b", { published: null })]),
        [south.feed]: feedOf("southvale", [
          feedRecord("southvale", "c", { published: "2026-05-01" }),
          feedRecord("southvale", "a", { published: "2026-03-01" }),
        ]),
      }),
    );
    expect(h.sources.map((s) => [s.source.id, s.state, s.lastRead, s.listed])).toEqual([
      ["southvale", "read", TODAY, 2],
      ["northshire", "read", TODAY, 2],
    ]);
    // Undated (delayed) first, then by date, then by key: the same feeds always give the same order.
    expect(keys(h)).toEqual(["northshire/b", "southvale/c", "northshire/a", "southvale/a"]);
    expect(h.date).toBe(TODAY);
  });

  it("reads a few sources at a time, not one after another nor all at once, and keeps sources.json order whatever order they answer in", async () => {
    const sources = Array.from({ length: 100 }, (_, i) => sourceNamed(`p${i}`));
    let inFlight = 0;
    let most = 0;
    const fetchFeed: FetchFeed = async (address) => {
      inFlight++;
      most = Math.max(most, inFlight);
      const i = Number(/p(\d+)/.exec(address)![1]);
      for (let tick = 0; tick < 100 - i; tick++) await Promise.resolve(); // later sources answer sooner
      inFlight--;
      return { ok: true, body: new TextEncoder().encode(feedOf(`p${i}`, [feedRecord(`p${i}`, "r", { published: "2026-01-01" })])) };
    };
    const h = await harvest(sources, fetchFeed);
    expect(most).toBe(8);
    expect(h.sources.map((s) => s.source.id)).toEqual(sources.map((s) => s.id));
    expect(keys(h)).toEqual(sources.map((s) => `${s.id}/r`).sort());
  });

  it("gives the same harvest for the same feeds", async () => {
    const table = {
      [north.feed]: feedOf("northshire", [feedRecord("northshire", "a"), feedRecord("northshire", "b")]),
      [south.feed]: feedOf("southvale", [feedRecord("southvale", "a")]),
    };
    expect(await harvest([north, south], fetchFrom(table))).toEqual(await harvest([north, south], fetchFrom(table)));
  });

  it("leaves out an SCR a stale feed still lists after its leaving day, saying why, and reports each bad record by source, review and field", async () => {
    const hostile = '<script>alert("x")</script>&amp;';
    const h = await harvest(
      [north],
      fetchFrom({
        [north.feed]: feedOf("northshire", [
          feedRecord("northshire", "scr-old", { type: "SCR", published: "2025-11-20", leaves: "2026-11-20" }),
          feedRecord("northshire", "hostile", { title: `${hostile}\nline two` }),
          feedRecord("northshire", "hostile", { title: "Second with the same id" }),
          feedRecord("northshire", "elsewhere", { pageUrl: "https://southvale.example.org/reviews/elsewhere/" }),
        ]),
      }),
    );
    expect(keys(h)).toEqual(["northshire/hostile"]);
    expect(h.records[0]!.title).toBe(`${hostile} line two`);
    expect(report(h, "northshire").dropped).toEqual([{ key: "northshire/scr-old", reason: expect.stringContaining("2026-11-20") }]);
    expect(said(h, "northshire")).toEqual([
      expect.stringMatching(/^review "hostile" id: .*more than once/),
      expect.stringMatching(/^review "elsewhere" pageUrl: .*southvale/),
    ]);
    for (const problem of report(h, "northshire").problems) expect(problem.file).toContain("northshire");
  });

  it("reports a source that cannot be read and never has been, and publishes the rest", async () => {
    const h = await harvest([north, south], fetchFrom({ [north.feed]: down, [south.feed]: feedOf("southvale", [feedRecord("southvale", "a")]) }));
    expect(report(h, "northshire")).toMatchObject({ state: "never", lastRead: null, listed: 0 });
    expect(said(h, "northshire")).toEqual([expect.stringContaining("could not be reached")]);
    expect(keys(h)).toEqual(["southvale/a"]);
  });

  it("reports a fetch that throws as that source's problem, and reads the others", async () => {
    const good = fetchFrom({ [south.feed]: feedOf("southvale", [feedRecord("southvale", "a")]) });
    const h = await harvest([north, south], async (address) => (address === north.feed ? Promise.reject(new Error("boom")) : good(address)));
    expect(report(h, "northshire").state).toBe("never");
    expect(said(h, "northshire")[0]).toContain("boom");
    expect(keys(h)).toEqual(["southvale/a"]);
  });
});

describe("a source not readable today", () => {
  const yesterday = "2026-11-25";
  const previousFeeds = {
    [north.feed]: feedOf("northshire", [
      feedRecord("northshire", "cspr", { published: "2026-02-01" }),
      feedRecord("northshire", "scr-leaves-today", { type: "SCR", published: "2025-11-26", leaves: "2026-11-26" }),
      feedRecord("northshire", "scr-stays", { type: "SCR", published: "2026-06-01", leaves: "2027-06-01" }),
    ]),
    [south.feed]: feedOf("southvale", [feedRecord("southvale", "a")]),
  };
  const previousAt = (date: IsoDate) => harvest([north, south], fetchFrom(previousFeeds), date);

  it("keeps its last good records, each still within its own dates at today's date, with when it was last read", async () => {
    const previous = await previousAt(yesterday);
    expect(keys(previous)).toContain("northshire/scr-leaves-today");
    const h = await harvest([north, south], fetchFrom({ ...previousFeeds, [north.feed]: down }), TODAY, previous);
    expect(report(h, "northshire")).toMatchObject({ state: "kept", lastRead: yesterday, listed: 2 });
    expect(keys(h)).toEqual(["northshire/scr-stays", "northshire/cspr", "southvale/a"]);
    expect(report(h, "northshire").dropped).toEqual([{ key: "northshire/scr-leaves-today", reason: expect.stringContaining("2026-11-26") }]);
    const problems = said(h, "northshire");
    expect(problems[0]).toContain("could not be reached");
    expect(problems[1]).toMatch(/2026-11-25.*kept.*2026-12-02/);
  });

  it("keeps them too when its feed answers but cannot be used (not JSON)", async () => {
    const previous = await previousAt(yesterday);
    const h = await harvest([north, south], fetchFrom({ ...previousFeeds, [north.feed]: "<html>Maintenance</html>" }), TODAY, previous);
    expect(report(h, "northshire")).toMatchObject({ state: "kept", lastRead: yesterday });
    expect(said(h, "northshire")[0]).toContain("not JSON");
    expect(keys(h)).toContain("northshire/cspr");
  });

  it(`keeps them for ${KEEP_UNREAD_DAYS} days after it was last read, then drops them with a notice that says since when and what to do`, async () => {
    const previous = await previousAt("2026-11-19");
    const failing = fetchFrom({ ...previousFeeds, [north.feed]: down });
    const lastDay = await harvest([north, south], failing, "2026-11-26", previous);
    expect(report(lastDay, "northshire")).toMatchObject({ state: "kept", lastRead: "2026-11-19" });
    const after = await harvest([north, south], failing, "2026-11-27", lastDay);
    expect(report(after, "northshire")).toMatchObject({ state: "dropped", lastRead: "2026-11-19", listed: 0 });
    expect(keys(after)).toEqual(["southvale/a"]);
    expect(said(after, "northshire").join("\n")).toMatch(/since 2026-11-19[\s\S]*_data\/sources\.json/);
    expect(
      report(after, "northshire")
        .dropped.map((d) => d.key)
        .sort(),
    ).toEqual(["northshire/cspr", "northshire/scr-stays"]);
    const nextNight = await harvest([north, south], failing, "2026-11-28", after);
    expect(report(nextNight, "northshire")).toMatchObject({ state: "dropped", lastRead: "2026-11-19", listed: 0 });
    expect(said(nextNight, "northshire").join("\n")).toMatch(/since 2026-11-19/);
  });

  it("lists a dropped source's reviews again as soon as its feed is read", async () => {
    const previous = await previousAt("2026-11-01");
    const dropped = await harvest([north, south], fetchFrom({ ...previousFeeds, [north.feed]: down }), TODAY, previous);
    expect(report(dropped, "northshire").state).toBe("dropped");
    const back = await harvest([north, south], fetchFrom(previousFeeds), "2026-11-27", dropped);
    expect(report(back, "northshire")).toMatchObject({ state: "read", lastRead: "2026-11-27", listed: 2 });
  });

  it("keeps the day it was last read across nights it stays unreadable", async () => {
    const previous = await previousAt("2026-11-23");
    const failing = fetchFrom({ ...previousFeeds, [north.feed]: down });
    const first = await harvest([north, south], failing, "2026-11-24", previous);
    const second = await harvest([north, south], failing, "2026-11-25", first);
    expect(report(second, "northshire")).toMatchObject({ state: "kept", lastRead: "2026-11-23" });
  });

  it("keeps nothing of a source no longer in sources.json", async () => {
    const previous = await previousAt(yesterday);
    const h = await harvest([south], fetchFrom(previousFeeds), TODAY, previous);
    expect(h.sources.map((s) => s.source.id)).toEqual(["southvale"]);
    expect(keys(h)).toEqual(["southvale/a"]);
  });

  it("keeps nothing of the last records when the source's address has changed since they were read", async () => {
    const previous = await previousAt(yesterday);
    const moved = { ...north, feed: "https://northshire.example.org/new/reviews.json" };
    const h = await harvest([moved, south], fetchFrom({ ...previousFeeds, [moved.feed]: down }), TODAY, previous);
    expect(report(h, "northshire")).toMatchObject({ state: "never", listed: 0 });
    expect(said(h, "northshire").join("\n")).toContain("address");
    expect(keys(h)).toEqual(["southvale/a"]);
  });

  it("drops a review taken down from a feed that is read again", async () => {
    const previous = await previousAt(yesterday);
    const h = await harvest(
      [north, south],
      fetchFrom({ ...previousFeeds, [north.feed]: feedOf("northshire", [feedRecord("northshire", "cspr")]) }),
      TODAY,
      previous,
    );
    expect(keys(h).filter((k) => k.startsWith("northshire/"))).toEqual(["northshire/cspr"]);
  });

  it("keeps no record of the previous harvest that is not the source's own, nor a second with the same key, nor a dated SCR with no leaving day", async () => {
    const previous = await previousAt(yesterday);
    const [first] = previous.records;
    const tampered: Harvest = {
      ...previous,
      records: [
        ...previous.records,
        { ...first!, title: "Again" },
        { ...feedRecord("southvale", "claims"), key: "northshire/claims", source: "southvale" },
        {
          ...feedRecord("northshire", "scr-undated-leaving", { type: "SCR", published: "2026-01-01", leaves: null }),
          key: "northshire/scr-undated-leaving",
          source: "northshire",
        },
      ],
    };
    const h = await harvest([north, south], fetchFrom({ ...previousFeeds, [north.feed]: down, [south.feed]: down }), TODAY, tampered);
    expect(keys(h)).toEqual(["northshire/scr-stays", "northshire/cspr", "southvale/a"]);
    expect(h.records.filter((r) => r.key === first!.key).map((r) => r.title)).toEqual([first!.title]);
    expect(report(h, "northshire").dropped.map((d) => d.key)).toContain("northshire/scr-undated-leaving");
  });
});

describe("harvestAt: a kept harvest rebuilt at a later date", () => {
  const feeds = {
    [north.feed]: feedOf("northshire", [
      feedRecord("northshire", "cspr"),
      feedRecord("northshire", "scr-leaves-27th", { type: "SCR", published: "2025-11-27", leaves: "2026-11-27" }),
    ]),
    [south.feed]: feedOf("southvale", [feedRecord("southvale", "a")]),
  };

  it("is the same harvest at its own date", async () => {
    const h = await harvest([north, south], fetchFrom(feeds));
    expect(harvestAt(h, TODAY)).toEqual(h);
  });

  it("applies the dates again: an SCR whose day has come leaves, and what was read that day is now kept", async () => {
    const h = harvestAt(await harvest([north, south], fetchFrom(feeds)), "2026-11-27");
    expect(h.date).toBe("2026-11-27");
    expect(keys(h)).toEqual(["northshire/cspr", "southvale/a"]);
    expect(report(h, "northshire")).toMatchObject({ state: "kept", lastRead: TODAY, listed: 1 });
    expect(report(h, "northshire").dropped).toEqual([{ key: "northshire/scr-leaves-27th", reason: expect.stringContaining("2026-11-27") }]);
  });

  it(`drops every source last read more than ${KEEP_UNREAD_DAYS} days before, and gives the same harvest applied twice`, async () => {
    const h = await harvest([north, south], fetchFrom(feeds));
    const later = harvestAt(h, "2026-12-04");
    expect(later.sources.map((s) => s.state)).toEqual(["dropped", "dropped"]);
    expect(later.records).toEqual([]);
    expect(harvestAt(later, "2026-12-04")).toEqual(later);
    expect(harvestAt(h, "2026-12-03").sources.map((s) => s.state)).toEqual(["kept", "kept"]);
  });
});
