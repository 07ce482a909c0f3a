/**
 * A finder (issue 23, part 2): a site built from other sites' feeds. The two fixture partnerships are built by
 * this project and served on 127.0.0.1; a finder project lists them in its sources.json and is built with the
 * real build command; its output is read back. Then what a partnership's build would never give: a source that
 * is down, a hand-made hostile feed, a stale feed still listing an SCR past its leaving day, and a finder whose
 * own reviews.json is not empty.
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/checks/static-server.ts";
import type { ReviewFeed } from "../../src/model/review-feed.ts";
import { parseHarvest, publishedHarvest } from "../../src/sources/harvest-file.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { keptHarvest } from "../../src/build/finder-build.ts";
import { readKeptInput } from "../../src/content/kept-input.ts";
import { newBuild } from "../../src/release/publish.ts";
import { tempLayout } from "../helpers/builds.ts";
import { buildFixture, FIXTURE_BUILD_DATE } from "../helpers/browser.ts";
import { feedValidator } from "../helpers/feed.ts";
import { finderProject, handMadeFeed, handMadeRecord, serveFeed } from "../helpers/finder.ts";
import type { FixtureProject } from "../helpers/fixture-project.ts";
import { buildPartnershipB } from "../helpers/partnership-b.ts";

const A = { id: "northshire", name: "Northshire and Southvale Safeguarding Children Partnership", site: "https://reviews.example.org" };
const B = { id: "ehw", name: "Eastmere, Holt and Wold Children's Safeguarding Partnership", site: "https://learning.ehw-safeguarding.example.net" };

const feedOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, "reviews.json"), "utf8")) as ReviewFeed;
/** The addresses the entries' titles link to. */
const titleLinks = (html: string) => [...html.matchAll(/<h3 class="review-title"><a href="([^"]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));

/**
 * The finder is built two weeks after the partnerships (their feeds say 26 November): within a week of Family
 * Gale's leaving day (15 December), so a rebuild of its kept harvest on that day still lists the rest (src/sources/: a
 * source unread for more than 7 days is dropped).
 */
const FINDER_DATE = "2026-12-10";

async function builtFinder(
  sources: unknown,
  reviews: unknown = [],
  buildDate = FIXTURE_BUILD_DATE,
): Promise<{ project: FixtureProject; code: number; stdout: string; stderr: string }> {
  const project = finderProject(sources, reviews);
  // Built on its own day by the clock (src/rules/build-date.ts refuses to publish a later date than today's).
  const result = buildDate === FIXTURE_BUILD_DATE ? await project.run("build", [], { BUILD_DATE: buildDate }) : await project.runOn(buildDate, "build");
  return { project, ...result };
}

describe("a finder built from the two fixture partnerships, served on 127.0.0.1", () => {
  let siteA: string;
  let siteB: string;
  let servers: StaticServer[] = [];
  let finder: FixtureProject;
  let feeds: { a: ReviewFeed; b: ReviewFeed };

  beforeAll(async () => {
    [siteA, siteB] = await Promise.all([buildFixture(), buildPartnershipB()]);
    servers = await Promise.all([serveStatic(siteA), serveStatic(siteB)]);
    feeds = { a: feedOf(siteA), b: feedOf(siteB) };
    const built = await builtFinder(
      [
        { ...A, feed: `${servers[0]!.url}/reviews.json` },
        { ...B, feed: `${servers[1]!.url}/reviews.json` },
      ],
      [],
      FINDER_DATE,
    );
    expect(built.code, built.stderr).toBe(0);
    finder = built.project;
  }, 600_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  it("lists every listed review of both partnerships on its finder pages, each linking to the review's page on its partnership's own site", () => {
    const expected = [...feeds.a.reviews, ...feeds.b.reviews].map((r) => r.pageUrl);
    expect(expected.length).toBeGreaterThan(4);
    const pages = finder.files().filter((f) => f === "index.html" || /^page\/\d+\/index\.html$/.test(f));
    const linked = pages.flatMap((f) => titleLinks(finder.read(f)));
    expect(linked.sort()).toEqual(expected.sort());
    expect(finder.read("index.html")).toContain(`${expected.length} reviews`);
  });

  it("is reproducible: a second finder built from the same feeds on the same day writes the same files, byte for byte", async () => {
    const again = await builtFinder(
      [
        { ...A, feed: `${servers[0]!.url}/reviews.json` },
        { ...B, feed: `${servers[1]!.url}/reviews.json` },
      ],
      [],
      FINDER_DATE,
    );
    expect(again.code, again.stderr).toBe(0);
    const files = finder.files();
    expect(again.project.files()).toEqual(files);
    const differing = files.filter(
      (file) =>
        statSync(path.join(finder.root, "_site", file)).isFile() &&
        !readFileSync(path.join(finder.root, "_site", file)).equals(readFileSync(path.join(again.project.root, "_site", file))),
    );
    expect(differing).toEqual([]);
  }, 300_000);

  it("has a filter page for each partnership listing exactly its reviews, and names the partnership in each entry", () => {
    for (const [source, feed] of [
      [A, feeds.a],
      [B, feeds.b],
    ] as const) {
      const page = finder.read(`reviews/partnership/${source.id}/index.html`);
      const listed = titleLinks(page);
      expect(new Set(listed)).toEqual(new Set(feed.reviews.map((r) => r.pageUrl)));
      expect(page).toContain(`<dd>${source.name.replace("'", "&#39;")}</dd>`);
    }
    expect(finder.read("index.html")).toContain('href="/reviews/partnership/ehw/"');
  });

  it("has a filter page for each partnership's own area listing exactly its reviews, linked from its partnership's page, /reviews/ and the finder's area control", () => {
    const index = finder.read("index.html");
    const browse = finder.read("reviews/index.html");
    for (const [source, feed] of [
      [A, feeds.a],
      [B, feeds.b],
    ] as const) {
      const areas = new Map(feed.reviews.map((r) => [r.area, r.areaName]));
      expect(areas.size).toBeGreaterThan(1);
      const partnershipPage = finder.read(`reviews/partnership/${source.id}/index.html`);
      for (const [area, name] of areas) {
        const url = `/reviews/partnership/${source.id}/${area}/`;
        const page = finder.read(`${url.slice(1)}index.html`);
        expect(new Set(titleLinks(page))).toEqual(new Set(feed.reviews.filter((r) => r.area === area).map((r) => r.pageUrl)));
        expect(page).toContain(`<h1>Reviews in ${name} (${source.name.replace("'", "&#39;")})</h1>`);
        expect(hrefs(page)).toContain(`/reviews/partnership/${source.id}/`);
        expect(hrefs(partnershipPage)).toContain(url);
        expect(hrefs(browse)).toContain(url);
        // The area control: its value qualified by the source, under its partnership's group.
        const group = index.slice(index.indexOf(`<optgroup label="${source.name.replace("'", "&#39;")}">`));
        expect(group.slice(0, group.indexOf("</optgroup>"))).toContain(
          `<option value="${source.id}/${area}" data-filter="${source.id}/${area}" data-label="${name}">`,
        );
      }
    }
    expect(index).toMatch(/<label for="filter-place">By area within a partnership<\/label>\s*<select id="filter-place" name="place">/);
  });

  it("links each review's documents where its partnership publishes them, and copies none: no document, review page or citation file of its own", () => {
    const files = finder.files();
    expect(files.filter((f) => /\.(pdf|docx?|ris)$/i.test(f))).toEqual([]);
    expect(files.filter((f) => /^reviews\/(?!partnership\/|type\/|year\/|theme\/|index\.html$)/.test(f))).toEqual([]);
    const linked = new Set(
      finder
        .files()
        .filter((f) => f.endsWith(".html"))
        .flatMap((f) => hrefs(finder.read(f))),
    );
    for (const doc of [...feeds.a.reviews, ...feeds.b.reviews].flatMap((r) => r.documents)) expect(linked, doc.url).toContain(doc.url);
  });

  it("publishes its own feed in the same format, each record with its source named, valid against the schema", () => {
    const own = JSON.parse(finder.read("reviews.json")) as ReviewFeed;
    expect(feedValidator()(own)).toEqual([]);
    expect(own.publisher.url).toBe("https://finder.example.org");
    expect(own.reviews).toHaveLength(feeds.a.reviews.length + feeds.b.reviews.length);
    for (const r of own.reviews) expect([A.id, B.id]).toContain(r.source?.id);
    const fromB = own.reviews.filter((r) => r.source?.id === B.id);
    expect(fromB.map((r) => r.pageUrl).sort()).toEqual(feeds.b.reviews.map((r) => r.pageUrl).sort());
    expect(fromB.every((r) => r.source?.name === B.name)).toBe(true);
    const csv = finder.read("reviews.csv").split("\r\n");
    expect(csv[0]!.startsWith("partnership,id,title")).toBe(true);
    expect(csv.filter((line) => line.startsWith('"Eastmere, Holt and Wold'))).toHaveLength(feeds.b.reviews.length);
  });

  it("says on /sources/ that each source was read, when, and how many reviews it lists", () => {
    const page = finder.read("sources/index.html");
    for (const [source, feed] of [
      [A, feeds.a],
      [B, feeds.b],
    ] as const) {
      const section = page.slice(page.indexOf(`id="source-${source.id}"`));
      expect(section).toMatch(
        new RegExp(`<dt>State</dt><dd>Read</dd>[\\s\\S]*?datetime="${FINDER_DATE}"[\\s\\S]*?<dt>Reviews listed</dt><dd>${feed.reviews.length}</dd>`),
      );
    }
  });

  it("keeps its harvest with the build (input/harvest.json) and publishes it (/harvest.json), and indexes one search record per listed review", () => {
    const buildDir = path.dirname(realpathSync(path.join(finder.root, "_site")));
    const harvest = parseHarvest(readFileSync(path.join(buildDir, "input", "harvest.json"), "utf8"), "harvest.json");
    const total = feeds.a.reviews.length + feeds.b.reviews.length;
    expect(harvest.date).toBe(FINDER_DATE);
    expect(harvest.records).toHaveLength(total);
    // Published too, for a night on a host with no live build (GitHub Pages): the same records, nothing more.
    expect(parseHarvest(finder.read("harvest.json"), "/harvest.json")).toEqual(publishedHarvest(harvest));
    const entry = JSON.parse(finder.read("pagefind/pagefind-entry.json")) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(total);
  });
  it("runs as the nightly job runs a partnership's site: its links and search index checked, every kind of page accessibility-checked, published", async () => {
    const night = await finder.runOn(FINDER_DATE, "nightly", ["--out", "_nightly", "--a11y", "always"]);
    expect(night.code, `${night.stdout}\n${night.stderr}`).toBe(0);
    expect(night.stdout).toMatch(/Nightly build for 10 December 2026: published\./);
    expect(night.stdout).not.toContain("Source not read tonight");
    expect(readFileSync(path.join(finder.root, "_nightly", "sources", "index.html"), "utf8")).toContain('id="source-ehw"');
  }, 600_000);

  it("rebuilds from its kept input and harvest at a later date with every date applied again: an SCR leaves on its day, nothing is fetched", async () => {
    const buildDir = path.dirname(realpathSync(path.join(finder.root, "_site")));
    const gale = feeds.a.reviews.find((r) => r.id === "family-gale")!;
    expect(gale.leaves).toBe("2026-12-15");
    const input = await readKeptInput(path.join(buildDir, "input", "build-input.json"), "the finder's build");
    const harvest = await keptHarvest(path.join(buildDir, "input"));
    for (const server of servers) await server.close();
    servers = [];
    const rebuilt = await buildSite({
      root: finder.root,
      build: await newBuild(tempLayout(), gale.leaves!),
      buildDate: gale.leaves!,
      input,
      harvest: harvest!,
    });
    const index = readFileSync(path.join(rebuilt.build.site, "index.html"), "utf8");
    expect(rebuilt.catalogue.listed.map((r) => r.url)).not.toContain(gale.pageUrl);
    expect(rebuilt.catalogue.listed).toHaveLength(feeds.a.reviews.length + feeds.b.reviews.length - 1);
    expect(index).not.toContain(gale.pageUrl);
    const sources = readFileSync(path.join(rebuilt.build.site, "sources", "index.html"), "utf8");
    expect(sources).toContain("1 review in its feed is not listed here: by its own dates");
    expect(sources).not.toContain("family-gale");
    // Kept longer than a source may go unread (7 days after 10 December): nothing of it is listed, and /sources/ says why.
    const stale = await buildSite({ root: finder.root, build: await newBuild(tempLayout(), "2026-12-18"), buildDate: "2026-12-18", input, harvest: harvest! });
    expect(stale.catalogue.listed).toEqual([]);
    expect(readFileSync(path.join(stale.build.site, "sources", "index.html"), "utf8")).toContain("Not read for too long");
  }, 300_000);
});

const HOSTILE_SITE = "https://hostile.example.org";
/** A feed's themes are at most 60 characters. */
const THEME = "<img src=x onerror=alert(2)> & “T”";
/** An area's name from a feed, as hostile as a title. */
const AREA_NAME = "West <img src=x onerror=alert(3)> & “A”";
const HOSTILE = 'Child </script><script>alert(1)</script> & “Q” <img src=x onerror=alert(1)> =HYPERLINK("x")';

describe("a finder given feeds a partnership's build would never write", () => {
  it("publishes the rest when a source is down, and says on /sources/ that it was never read and why", async () => {
    const good = await serveFeed(handMadeFeed(HOSTILE_SITE, "Good Partnership", [handMadeRecord(HOSTILE_SITE, { id: "child-good", title: "Child Good" })]));
    const down = await serveFeed(handMadeFeed("https://down.example.org", "Down Partnership", []));
    const downUrl = `${down.url}/reviews.json`;
    await down.close();
    try {
      const built = await builtFinder([
        { id: "good", name: "Good Partnership", feed: `${good.url}/reviews.json`, site: HOSTILE_SITE },
        { id: "down", name: "Down Partnership", feed: downUrl, site: "https://down.example.org" },
      ]);
      expect(built.code, built.stderr).toBe(0);
      expect(hrefs(built.project.read("index.html"))).toContain(`${HOSTILE_SITE}/reviews/child-good/`);
      const page = built.project.read("sources/index.html");
      const section = page.slice(page.indexOf('id="source-down"'));
      expect(section).toMatch(/<dt>State<\/dt><dd>Never read<\/dd>[\s\S]*?<dt>Last read<\/dt><dd>Never<\/dd>[\s\S]*?<dt>Reviews listed<\/dt><dd>0<\/dd>/);
      expect(section).toMatch(/What went wrong<\/h3>\s*<ul class="source-problems"><li>[^<]*source &quot;down&quot;[^<]*refused the connection/);
    } finally {
      await good.close();
    }
  }, 300_000);

  it("escapes a hostile feed's titles, summaries and themes everywhere, lists no script address nor another site's page, and never a stale feed's SCR whose leaving day has passed", async () => {
    const feed = handMadeFeed(HOSTILE_SITE, `Hostile ${HOSTILE}`, [
      handMadeRecord(HOSTILE_SITE, {
        id: "child-hostile",
        title: HOSTILE,
        summary: `Summary ${HOSTILE}`,
        themes: [THEME],
        area: "hostile-west",
        areaName: AREA_NAME,
      }),
      // An area key that is no slug would name a filter page's folder: the record is refused.
      handMadeRecord(HOSTILE_SITE, { id: "child-area", title: "Child Area", area: "../../x?<b>" }),
      // Addresses a feed must never get onto the finder's pages: a script address, and another site's page.
      handMadeRecord(HOSTILE_SITE, { id: "child-script", title: "Child Script", pageUrl: "javascript:alert(1)" }),
      handMadeRecord(HOSTILE_SITE, { id: "child-elsewhere", title: "Child Elsewhere", pageUrl: "https://another.example.org/reviews/child-elsewhere/" }),
      handMadeRecord(HOSTILE_SITE, {
        id: "child-doc",
        title: "Child Doc",
        documents: [{ kind: "other", title: "Trap", url: "javascript:alert(1)", format: null, bytes: null, pages: null }],
      }),
      // Published 2025-06-01, kept 12 months: it left its partnership's site on 2026-06-01, but this stale feed still lists it.
      handMadeRecord(HOSTILE_SITE, {
        id: "family-stale",
        title: "Family Stale",
        type: "SCR",
        typeName: "Serious Case Review",
        published: "2025-06-01",
        leaves: "2026-06-01",
      }),
    ]);
    const server = await serveFeed(feed);
    try {
      const built = await builtFinder([{ id: "hostile", name: HOSTILE.slice(0, 150), feed: `${server.url}/reviews.json`, site: HOSTILE_SITE }]);
      expect(built.code, built.stderr).toBe(0);
      const { project } = built;
      const html = project
        .files()
        .filter((f) => f.endsWith(".html"))
        .map((f) => project.read(f))
        .join("\n");
      expect(html).not.toContain("<img src=x");
      expect(html).not.toContain("<script>alert");
      expect(project.read("index.html")).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(project.read("reviews/index.html")).toContain("&lt;img src=x onerror=alert(2)&gt;");
      // The hostile area's own filter page, its name escaped there and in the finder's area control.
      const areaPage = project.read("reviews/partnership/hostile/hostile-west/index.html");
      expect(titleLinks(areaPage)).toEqual([`${HOSTILE_SITE}/reviews/child-hostile/`]);
      expect(areaPage).toContain("<h1>Reviews in West &lt;img src=x onerror=alert(3)&gt; &amp; “A” (");
      expect(project.read("index.html")).toContain('data-label="West &lt;img src=x onerror=alert(3)&gt; &amp; “A”"');
      expect(project.files().some((f) => f.includes("<b>") || f.startsWith("x"))).toBe(false);
      expect(project.read("feed.xml")).not.toContain("<img src=x");
      expect(project.read("sources/index.html")).not.toContain("<img src=x");
      const csv = project.read("reviews.csv");
      expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
      for (const text of [html, csv, project.read("reviews.json"), project.read("feed.xml")]) expect(text).not.toContain("Family Stale");
      // Gone by every route, and not even named: no page or file of the finder says which review left (as no partnership's feed does).
      for (const text of [html, project.read("harvest.json")]) expect(text).not.toContain("family-stale");
      expect(project.read("sources/index.html")).toContain("1 review in its feed is not listed here: by its own dates");
      expect(html).not.toMatch(/href="\s*javascript:/i);
      for (const text of [html, project.read("reviews.json")]) {
        expect(text).not.toContain("Child Script");
        expect(text).not.toContain("Child Elsewhere");
        expect(text).not.toContain('href="https://another.example.org');
      }
      // A document at a script address is left out; its review stays, at its own page.
      expect(titleLinks(project.read("index.html")).sort()).toEqual([`${HOSTILE_SITE}/reviews/child-doc/`, `${HOSTILE_SITE}/reviews/child-hostile/`]);
      expect(html).not.toContain(">Trap (");
      // Each refused record is reported on /sources/ by review and field.
      const sources = project.read("sources/index.html");
      for (const [id, field] of [
        ["child-script", "pageUrl"],
        ["child-elsewhere", "pageUrl"],
        ["child-doc", "documents"],
        ["child-area", "area"],
      ])
        expect(sources).toMatch(new RegExp(`review &quot;${id}&quot;[^<]*${field}`));
    } finally {
      await server.close();
    }
  }, 300_000);

  it("keeps a source's last good reviews on a night it cannot be read, and a rebuild from the live build's kept input (as a failed night runs it) lists them too", async () => {
    const server = await serveFeed(handMadeFeed(HOSTILE_SITE, "Good Partnership", [handMadeRecord(HOSTILE_SITE, { id: "child-good", title: "Child Good" })]));
    const project = finderProject([{ id: "good", name: "Good Partnership", feed: `${server.url}/reviews.json`, site: HOSTILE_SITE }]);
    const first = await project.runOn("2026-11-26", "build");
    expect(first.code, first.stderr).toBe(0);
    await server.close();
    // The next night the source is down: the live build's harvest (its input/harvest.json) stands in for it.
    const next = await project.runOn("2026-11-27", "build");
    expect(next.code, next.stderr).toBe(0);
    expect(titleLinks(project.read("index.html"))).toEqual([`${HOSTILE_SITE}/reviews/child-good/`]);
    const section = project.read("sources/index.html");
    expect(section).toMatch(/<dt>State<\/dt><dd>Not read at this build: its last good reviews are kept[^<]*<\/dd>[\s\S]*?datetime="2026-11-26"/);
    // A rebuild of the live build from its kept input, as the fallback runs one (`--input`): its kept harvest comes with it, nothing is fetched.
    const live = path.dirname(realpathSync(path.join(project.root, "_site")));
    const rebuilt = await project.runOn("2026-11-28", "build", ["--input", path.join(live, "input", "build-input.json")]);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(titleLinks(project.read("index.html"))).toEqual([`${HOSTILE_SITE}/reviews/child-good/`]);
  }, 300_000);

  it("on a host with no live build (GitHub Pages), keeps a source's last good reviews from the finder's own published /harvest.json (--previous-harvest)", async () => {
    const server = await serveFeed(handMadeFeed(HOSTILE_SITE, "Good Partnership", [handMadeRecord(HOSTILE_SITE, { id: "child-good", title: "Child Good" })]));
    const project = finderProject([{ id: "good", name: "Good Partnership", feed: `${server.url}/reviews.json`, site: HOSTILE_SITE }]);
    const first = await project.runOn("2026-11-26", "build", ["--out", "_deployed"]);
    expect(first.code, first.stderr).toBe(0);
    await server.close();
    // Last night's deployed finder, served as Pages serves it; tonight's runner has no build of its own in _site.
    const deployed = await serveStatic(path.join(project.root, "_deployed"));
    try {
      const night = await project.runOn("2026-11-27", "nightly", ["--out", "_site", "--a11y", "never", "--previous-harvest", `${deployed.url}/harvest.json`]);
      expect(night.code, `${night.stdout}\n${night.stderr}`).toBe(0);
      expect(titleLinks(project.read("index.html"))).toEqual([`${HOSTILE_SITE}/reviews/child-good/`]);
      expect(project.read("sources/index.html")).toMatch(
        /<dt>State<\/dt><dd>Not read at this build: its last good reviews are kept[^<]*<\/dd>[\s\S]*?datetime="2026-11-26"/,
      );
      expect(night.stdout).toContain("Source not read tonight");
      // A previous harvest that cannot be fetched is said, and the night still publishes what it read.
      const lost = await project.runOn("2026-11-27", "nightly", ["--out", "_other", "--a11y", "never", "--previous-harvest", `${deployed.url}/no-such.json`]);
      expect(lost.code, `${lost.stdout}\n${lost.stderr}`).toBe(0);
      expect(`${lost.stdout}\n${lost.stderr}`).toContain("no-such.json");
    } finally {
      await deployed.close();
    }
  }, 300_000);

  it("refuses to build when the finder's own reviews.json lists reviews, naming the file and what to do", async () => {
    const built = await builtFinder(
      [{ id: "any", name: "Any Partnership", feed: "http://127.0.0.1:9/reviews.json", site: HOSTILE_SITE }],
      [{ id: "child-own", title: "Child Own" }],
    );
    expect(built.code).not.toBe(0);
    expect(built.stderr).toContain("_data/reviews.json");
    expect(built.stderr).toContain("a finder lists other sites' reviews, so its own reviews.json must be []");
    expect(built.project.exists("index.html")).toBe(false);
    // `npm run validate` says the same, without building.
    const checked = await built.project.run("validate");
    expect(checked.code).not.toBe(0);
    expect(checked.stderr).toContain("a finder lists other sites' reviews, so its own reviews.json must be []");
  }, 300_000);

  it("validates a finder's own files (sources.json, site.json, an empty reviews.json) without reading any feed, and names a bad source's field", async () => {
    const good = finderProject([{ id: "north", name: "North Partnership", feed: "https://north.example.org/reviews.json" }]);
    const checked = await good.run("validate");
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain("The finder's data is valid: 1 source listed in _data/sources.json");
    const bad = finderProject([{ id: "North Partnership", name: "North", feed: "http://north.example.org/reviews.json" }]);
    const refused = await bad.run("validate");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("_data/sources.json");
    expect(refused.stderr).toMatch(/field "id"/);
    expect(refused.stderr).toMatch(/field "feed"[^\n]*https:\/\//);
  }, 120_000);
});
