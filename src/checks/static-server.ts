import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import sirv from "sirv";

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234`, or `http://127.0.0.1:41234/review` under a path (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

/**
 * Serve a built site on 127.0.0.1 at a free port, as a static host would
 * (`/reviews/x/` serves `index.html`, unknown paths get `404.html`), for the
 * accessibility check, the browser tests and the nightly job. Nothing else can reach it.
 * With `searchIndexForOtherSites`, its search index (`pagefind/`) alone is sent with
 * `Access-Control-Allow-Origin: *`, as deploy/ has every host send it, so a finder on another origin can merge it.
 */
export async function serveStatic(dir: string, prefix = "/", options: { searchIndexForOtherSites?: boolean } = {}): Promise<StaticServer> {
  const root = realpathSync(dir);
  const handler = sirv(root, { dev: true, etag: false, extensions: ["html"] });
  const notFound = (res: import("node:http").ServerResponse) => {
    const page = path.join(root, "404.html");
    res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
    res.end(existsSync(page) ? readFileSync(page) : "Not found");
  };
  // A site built for a path of its domain (/review/) is served under that path, as its host would.
  const server: Server = createServer((req, res) => {
    if (!req.url?.startsWith(prefix)) return notFound(res);
    req.url = `/${req.url.slice(prefix.length)}`;
    if (options.searchIndexForOtherSites && req.url.startsWith("/pagefind/")) res.setHeader("access-control-allow-origin", "*");
    handler(req, res, () => notFound(res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix.replace(/\/$/, "")}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
