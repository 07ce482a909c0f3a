/**
 * `npm start` in a finder's project (issue 23): the preview reads every source's feed once as it starts (the same
 * harvest as the build, with the real fetcher), says in the terminal how many it read and which it could not, and
 * serves the finder with the sources' reviews; a source that cannot be read does not stop it.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { finderProject, finderSite, handMadeFeed, handMadeRecord, serveFeed } from "../helpers/finder.ts";
import { fetchUntil, startPreview } from "../helpers/preview.ts";

const EASTMERE = { id: "eastmere", name: "Eastmere Children's Safeguarding Partnership", site: "https://eastmere.example.net" };
const HOLT = { id: "holt", name: "Holt & Wold <Partnership>", site: "https://holt.example.net" };
// A title no partnership's build would write: markup and an ampersand, which must reach the page escaped.
const TITLE = 'Child Quince <b>&</b> "Q"';
const RENAMED = { name: "Westmarch Region Safeguarding Children Partnerships", shortName: "Westmarch Region", areasServed: "Westmarch" };

async function eastmereFeed() {
  const server = await serveFeed(
    handMadeFeed(EASTMERE.site, EASTMERE.name, [handMadeRecord(EASTMERE.site, { id: "child-quince", title: TITLE, published: "2026-05-01" })]),
  );
  onTestFinished(() => server.close());
  return server;
}

/** An address on 127.0.0.1 where nothing answers: a feed server started and stopped again. */
async function downFeed(): Promise<string> {
  const server = await serveFeed(handMadeFeed(HOLT.site, HOLT.name, []));
  await server.close();
  return `${server.url}/reviews.json`;
}

describe("npm start in a finder's project", () => {
  it("reads the sources once as it starts, serves the finder listing their reviews linked to the partnership's page, and rebuilds on a change to site.json without reading them again", async () => {
    const feed = await eastmereFeed();
    const project = finderProject([{ ...EASTMERE, feed: `${feed.url}/reviews.json` }]);
    const preview = await startPreview(project.root, { BUILD_DATE: "2026-11-26" });
    const home = await fetchUntil(`${preview.url}/`, (text) => text.includes("child-quince"));
    expect(home.status).toBe(200);
    expect(home.text).toContain(`href="${EASTMERE.site}/reviews/child-quince/"`);
    expect(home.text).toContain("Child Quince &lt;b&gt;&amp;&lt;/b&gt; &quot;Q&quot;");
    expect(home.text).not.toContain("<b>&</b>");
    // Its pages may read the source's search index (the same policy as the build's), and the search-inside-the-reports list is served.
    expect(home.text).toMatch(new RegExp(`<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src &#39;self&#39; ${feed.url}`));
    const search = await fetchUntil(`${preview.url}/search-sources.json`, (text) => text.includes("pagefind"));
    expect(search.status).toBe(200);
    expect(search.text).toContain(`${feed.url}/pagefind/`);
    expect(preview.output()).toContain("Read 1 of 1 source for the preview: 1 review listed.");
    expect(preview.output()).not.toContain("not read");
    // Live reload, as a partnership's preview: a change to the region's settings shows without reading the feeds again.
    await expect.poll(() => preview.output().includes("Watching"), { timeout: 60_000 }).toBe(true);
    const rename = () => writeFileSync(path.join(project.root, "_data", "site.json"), JSON.stringify({ ...finderSite(), partnership: RENAMED }));
    rename();
    const renamed = await fetchUntil(`${preview.url}/`, (text) => text.includes("Westmarch Region"), rename);
    expect(renamed.text).toContain("Westmarch Region");
    expect(renamed.text).toContain(`href="${EASTMERE.site}/reviews/child-quince/"`);
    expect(preview.output().match(/Read 1 of 1 source/g)).toHaveLength(1);
  });

  it("still serves when a source cannot be read, naming it in the terminal and on /sources/", async () => {
    const feed = await eastmereFeed();
    const down = await downFeed();
    const project = finderProject([
      { ...EASTMERE, feed: `${feed.url}/reviews.json` },
      { ...HOLT, feed: down },
    ]);
    const preview = await startPreview(project.root, { BUILD_DATE: "2026-11-26" });
    const home = await fetchUntil(`${preview.url}/`, (text) => text.includes("child-quince"));
    expect(home.status).toBe(200);
    expect(home.text).toContain(`href="${EASTMERE.site}/reviews/child-quince/"`);
    expect(preview.output()).toContain("Read 1 of 2 sources for the preview: 1 review listed.");
    expect(preview.output()).toContain(`Source not read: ${HOLT.name}: source "holt" (${down}):`);
    const sources = await fetchUntil(`${preview.url}/sources/`, (text) => text.includes("Never read"));
    expect(sources.status).toBe(200);
    expect(sources.text).toContain("Holt &amp; Wold &lt;Partnership&gt;");
    expect(sources.text).toContain("Never read");
  });

  it("stops with the problem, by file, source and field, when sources.json is wrong, reading no feed", async () => {
    const project = finderProject([{ id: "holt", name: "Holt", feed: "http://holt.example.net/reviews.json" }]);
    const error = await startPreview(project.root, { BUILD_DATE: "2026-11-26" }).then(
      () => new Error("npm start served a finder whose sources.json is wrong"),
      (stopped: Error) => stopped,
    );
    expect(error.message).toMatch(/ended \(1\) before serving/);
    expect(error.message).toContain("_data/sources.json");
    expect(error.message).toContain('field "feed"');
    expect(error.message).toContain("Fix _data/sources.json, then run npm start again.");
    expect(error.message).not.toContain("Read 0 of");
  });
});
