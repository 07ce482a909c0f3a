/** The real fetch of a finder's harvest against servers this test starts on 127.0.0.1: its bounds in size and time, its redirect rule, and that it leaves nothing open. */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { createFetchFeed, fetchFeed } from "../../src/sources/fetch-feed.ts";
import { harvestSources } from "../../src/sources/harvest.ts";
import { MAX_FEED_BYTES } from "../../src/sources/source-feed.ts";
import { feedOf, feedRecord, sourceNamed } from "../helpers/hand-made-feeds.ts";

const MB = 1024 * 1024;

/** A server on 127.0.0.1 with `handler`, stopped when the test ends; `closed()` settles once every connection made to it has closed. */
async function serve(handler: http.RequestListener) {
  const requests: http.IncomingMessage[] = [];
  const sockets: Socket[] = [];
  const closings: Promise<void>[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request);
    handler(request, response);
  });
  server.on("connection", (socket) => {
    sockets.push(socket);
    closings.push(new Promise((resolve) => socket.once("close", () => resolve())));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, closed: () => Promise.all(closings) };
}

/** Writes `total` bytes of spaces in 64 KB pieces, as fast as the client reads; `sent` is what the server managed to write. */
function stream(total: number, headers: http.OutgoingHttpHeaders = {}) {
  const state = { sent: 0, finished: false };
  const handler: http.RequestListener = (_, response) => {
    response.writeHead(200, { "content-type": "application/json", ...headers });
    const piece = Buffer.alloc(64 * 1024, 32);
    const more = () => {
      while (state.sent < total && !response.destroyed) {
        state.sent += piece.length;
        if (!response.write(piece)) return void response.once("drain", more);
      }
      if (!response.destroyed) response.end(() => (state.finished = true));
    };
    more();
  };
  return { state, handler };
}

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
const feed = feedOf("northshire", [feedRecord("northshire", "child-a")]);

describe("fetching a source's feed", { timeout: 20_000 }, () => {
  it("reads a feed that answers 200, closes its connection and leaves no timer running", async () => {
    const server = await serve((_, response) => response.writeHead(200, { "content-type": "application/json" }).end(feed));
    const before = timers();
    const result = await fetchFeed(`${server.url}/reviews.json`);
    expect(result).toEqual({ ok: true, body: expect.any(Uint8Array) });
    expect(new TextDecoder().decode((result as { body: Uint8Array }).body)).toBe(feed);
    expect(timers()).toBeLessThanOrEqual(before);
    await server.closed();
  });

  it("refuses an address with a name and password in it before making any request", async () => {
    const server = await serve((_, response) => response.end(feed));
    const result = await fetchFeed(server.url.replace("http://", "http://user:secret@"));
    expect(result).toEqual({ ok: false, problem: expect.stringContaining("user name or password") });
    expect(server.requests).toHaveLength(0);
  });

  it("says the status of an answer other than 200, and what to check", async () => {
    const server = await serve((_, response) => response.writeHead(404).end("<h1>Not found</h1>"));
    const result = await createFetchFeed()(`${server.url}/reviews.json`);
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/404[\s\S]*_data\/sources\.json/) });
    await server.closed();
  });

  it("says so when nothing listens at the address", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const result = await fetchFeed(`http://127.0.0.1:${port}/reviews.json`);
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/refused[\s\S]*_data\/sources\.json/) });
  });

  it("stops reading a 50 MB feed as soon as it passes the bound, never taking the rest", async () => {
    const big = stream(50 * MB);
    const server = await serve(big.handler);
    const result = await fetchFeed(`${server.url}/reviews.json`);
    expect(result).toEqual({ ok: false, problem: expect.stringContaining(`${MAX_FEED_BYTES / MB}.0 MB`) });
    await server.closed();
    expect(big.state.finished).toBe(false);
    expect(big.state.sent).toBeLessThan(50 * MB);
  });

  it("refuses a feed at once when its size, as the server gives it, is over the bound", async () => {
    const big = stream(50 * MB, { "content-length": 50 * MB });
    const server = await serve(big.handler);
    const result = await fetchFeed(`${server.url}/reviews.json`);
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/50\.0 MB[\s\S]*none of it was read/) });
    await server.closed();
    expect(big.state.finished).toBe(false);
    expect(big.state.sent).toBeLessThan(MAX_FEED_BYTES);
  });

  it("gives up on a server that never answers at the time limit, saying so", async () => {
    const server = await serve(() => {});
    const before = timers();
    const result = await createFetchFeed({ timeLimitMs: 200 })(`${server.url}/reviews.json`);
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/within 0\.2 seconds/) });
    expect(timers()).toBeLessThanOrEqual(before);
    await server.closed();
  });

  it("gives up on a feed sent a drop at a time past the time limit", async () => {
    const drips = { sent: 0 };
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write("[");
      const drip = setInterval(() => {
        if (response.destroyed) return clearInterval(drip);
        drips.sent++;
        response.write(" ");
      }, 20);
      response.once("close", () => clearInterval(drip));
    });
    const result = await createFetchFeed({ timeLimitMs: 300 })(`${server.url}/reviews.json`);
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/within 0\.3 seconds/) });
    await server.closed();
  });

  it("follows a redirect on the feed's own site, sending no cookie it was given", async () => {
    const server = await serve((request, response) => {
      if (request.url === "/old/reviews.json") response.writeHead(301, { location: "/reviews.json", "set-cookie": "session=abc" }).end();
      else response.writeHead(200, { "content-type": "application/json" }).end(feed);
    });
    const result = await fetchFeed(`${server.url}/old/reviews.json`);
    expect(result.ok).toBe(true);
    expect(server.requests.map((r) => [r.url, r.headers.cookie, r.headers.authorization])).toEqual([
      ["/old/reviews.json", undefined, undefined],
      ["/reviews.json", undefined, undefined],
    ]);
    await server.closed();
  });

  it("follows at most 3 redirects", async () => {
    const server = await serve((request, response) => {
      const step = Number(/\/r(\d+)/.exec(request.url ?? "")?.[1] ?? 0);
      if (step > 0) response.writeHead(302, { location: `/r${step - 1}` }).end();
      else response.writeHead(200).end(feed);
    });
    expect((await fetchFeed(`${server.url}/r3`)).ok).toBe(true);
    const four = await fetchFeed(`${server.url}/r4`);
    expect(four).toEqual({ ok: false, problem: expect.stringContaining("more than 3 times") });
    expect(server.requests.map((r) => r.url).slice(4)).toEqual(["/r4", "/r3", "/r2", "/r1"]);
    await server.closed();
  });

  it("reads nothing of a redirect to another site, and names where it pointed", async () => {
    const elsewhere = await serve((_, response) => response.writeHead(200).end(feed));
    const server = await serve((_, response) => response.writeHead(302, { location: `${elsewhere.url}/reviews.json` }).end());
    const result = await fetchFeed(`${server.url}/reviews.json`);
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/redirected elsewhere/) });
    expect((result as { problem: string }).problem).toContain(`${elsewhere.url}/reviews.json`);
    expect(elsewhere.requests).toHaveLength(0);
    await server.closed();
  });

  it("refuses a redirect to plain http elsewhere, or to an address with a password in it", async () => {
    const server = await serve((request, response) => {
      const to = request.url === "/a" ? "http://example.org/reviews.json" : `http://user:pw@${request.headers.host}/reviews.json`;
      response.writeHead(302, { location: to }).end();
    });
    expect(await fetchFeed(`${server.url}/a`)).toEqual({ ok: false, problem: expect.stringContaining("http://example.org/reviews.json") });
    expect(await fetchFeed(`${server.url}/b`)).toEqual({ ok: false, problem: expect.stringContaining("user name or password") });
    expect(server.requests).toHaveLength(2);
    await server.closed();
  });
});

describe("harvesting sources served on 127.0.0.1", { timeout: 20_000 }, () => {
  it("publishes the sources that can be read and reports each one that cannot (404, not JSON, too slow)", async () => {
    const server = await serve((request, response) => {
      if (request.url === "/north/reviews.json") response.writeHead(200).end(feed);
      else if (request.url === "/html/reviews.json") response.writeHead(200, { "content-type": "text/html" }).end("<html>Down for maintenance</html>");
      else if (request.url !== "/slow/reviews.json") response.writeHead(404).end(); // the slow one never answers
    });
    const site = "https://northshire.example.org";
    const sources = ["north", "html", "slow", "gone"].map((id) => sourceNamed(id, { feed: `${server.url}/${id}/reviews.json`, site }));
    const harvest = await harvestSources(sources, { today: "2026-11-26", fetchFeed: createFetchFeed({ timeLimitMs: 300 }) });
    expect(harvest.sources.map((s) => [s.source.id, s.state])).toEqual([
      ["north", "read"],
      ["html", "never"],
      ["slow", "never"],
      ["gone", "never"],
    ]);
    expect(harvest.records.map((r) => r.key)).toEqual(["north/child-a"]);
    const problems = harvest.sources.map((s) => s.problems.map((p) => p.message).join(" "));
    expect(problems.slice(1)).toEqual([expect.stringContaining("not JSON"), expect.stringContaining("0.3 seconds"), expect.stringContaining("404")]);
    await server.closed();
  });
});
