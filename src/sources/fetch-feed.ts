import http, { type ClientRequest, type IncomingMessage } from "node:http";
import https from "node:https";
import type { FetchFeed } from "./harvest.ts";
import { MAX_FEED_BYTES } from "./source-feed.ts";
import { feedAddressProblem } from "./source-list.ts";

/**
 * The harvest's one way out to the network (issue 23, "Trust"): a feed read with bounds of its own. A
 * total time limit over every request it makes; the body read as a stream and abandoned as soon as it
 * passes the size bound (at once when the server says it will); only status 200 read; at most
 * MAX_REDIRECTS redirects, each on the feed's own origin and re-checked as an address. No cookies, no
 * credentials, a new connection each time; the timer cleared and the connection destroyed on every path.
 * Every problem says what went wrong and what to check, for the officer who keeps `_data/sources.json`.
 */

export const MAX_REDIRECTS = 3;
/** How long one feed may take, redirects and all, unless told otherwise. */
export const FEED_TIME_LIMIT_MS = 30_000;

export interface FetchFeedOptions {
  /** The total time one feed may take (FEED_TIME_LIMIT_MS). */
  timeLimitMs?: number;
  /** The most a feed may weigh (MAX_FEED_BYTES). */
  maxBytes?: number;
}

type Fetched = Awaited<ReturnType<FetchFeed>>;

const CHECK = "Check that the feed address in _data/sources.json is right and that the partnership's site is up; the finder tries again at its next build.";
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} ${ms === 1000 ? "second" : "seconds"}`;
const shown = (text: string) => JSON.stringify(text.slice(0, 300));

/** A network error in words. */
function networkProblem(error: NodeJS.ErrnoException, url: URL): string {
  const code = error.code ?? "";
  if (code === "ECONNREFUSED") return `its site (${url.host}) refused the connection. ${CHECK}`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `its site's name (${url.hostname}) could not be found. ${CHECK}`;
  if (code === "ECONNRESET" || code === "EPIPE") return `the connection to its site (${url.host}) was broken before the feed was complete. ${CHECK}`;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS/.test(code))
    return `its site's security certificate could not be trusted (${code}), so nothing was read. Ask the partnership to check its site's certificate.`;
  return `its site (${url.host}) could not be reached (${code || error.message.slice(0, 200)}). ${CHECK}`;
}

/** The real FetchFeed, with its bounds. */
export function createFetchFeed(options: FetchFeedOptions = {}): FetchFeed {
  const timeLimit = options.timeLimitMs ?? FEED_TIME_LIMIT_MS;
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  return (address) => fetchBounded(address, timeLimit, maxBytes);
}

/** The real FetchFeed with the default bounds: 30 seconds, MAX_FEED_BYTES. */
export const fetchFeed: FetchFeed = createFetchFeed();

function fetchBounded(address: string, timeLimit: number, maxBytes: number): Promise<Fetched> {
  return new Promise((resolve) => {
    let current: ClientRequest | null = null;
    let done = false;
    const finish = (result: Fetched) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      current?.destroy();
      resolve(result);
    };
    const fail = (problem: string) => finish({ ok: false, problem });
    const timer = setTimeout(
      () => fail(`its site did not send the whole feed within ${seconds(timeLimit)}, the most the finder waits for one. ${CHECK}`),
      timeLimit,
    );
    const addressProblem = feedAddressProblem(address);
    if (addressProblem) return fail(`its address cannot be read: ${addressProblem}`);
    const origin = new URL(address).origin;

    const get = (url: URL, redirects: number) => {
      const client = url.protocol === "https:" ? https : http;
      const request = client.get(
        url,
        { agent: false, headers: { accept: "application/json", "accept-encoding": "identity", connection: "close" } },
        (response) => answer(url, redirects, response),
      );
      current = request;
      request.on("error", (error) => fail(networkProblem(error, url)));
    };

    const answer = (url: URL, redirects: number, response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status)) {
        const location = response.headers.location;
        response.destroy();
        if (!location) return fail(`its address answered with a redirect (status ${status}) to nowhere. ${CHECK}`);
        const next = URL.canParse(location, url) ? new URL(location, url) : null;
        if (!next) return fail(`its address redirected to ${shown(location)}, which is not a web address. ${CHECK}`);
        if (next.origin !== origin)
          return fail(
            `its address redirected elsewhere, to ${shown(next.href)}; the finder follows redirects only on the feed's own site (${origin}), so nothing of it was read. If the partnership's feed has moved, put its new address in _data/sources.json.`,
          );
        const problem = feedAddressProblem(next.href);
        if (problem) return fail(`its address redirected to ${shown(next.href)}, which cannot be read: ${problem}`);
        if (redirects >= MAX_REDIRECTS)
          return fail(
            `its address redirected more than ${MAX_REDIRECTS} times, so the finder stopped following. Put the feed's own address in _data/sources.json.`,
          );
        current?.destroy();
        return get(next, redirects + 1);
      }
      if (status !== 200) {
        response.destroy();
        const name = http.STATUS_CODES[status] ?? "unknown";
        const hint =
          status >= 500 ? "The partnership's site has a fault; if it lasts, tell the partnership." : status === 404 ? "There is no feed at that address." : "";
        return fail(`its address answered with status ${status} (${name}) instead of the feed. ${hint} ${CHECK}`.replace("  ", " "));
      }
      const declared = Number(response.headers["content-length"]);
      if (Number.isFinite(declared) && declared > maxBytes)
        return fail(
          `its site says the feed is ${mb(declared)}; a feed may be at most ${mb(maxBytes)}, so none of it was read. Ask the partnership to check its reviews.json.`,
        );
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes)
          return fail(
            `its feed is larger than ${mb(maxBytes)}, the most a feed may be, so the finder stopped reading it there and used none of it. Ask the partnership to check its reviews.json.`,
          );
        chunks.push(chunk);
      });
      response.on("end", () => finish({ ok: true, body: new Uint8Array(Buffer.concat(chunks)) }));
      response.on("error", (error) => fail(networkProblem(error, url)));
      response.on("close", () => {
        if (!response.complete) fail(`the connection to its site (${url.host}) closed before the feed was complete. ${CHECK}`);
      });
    };

    get(new URL(address), 0);
  });
}
