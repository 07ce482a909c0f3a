import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import sirv from "sirv";

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

/**
 * Serve a built site on 127.0.0.1 at a free port, as a static host would
 * (`/reviews/x/` serves `index.html`, unknown paths get `404.html`), for the
 * accessibility check, the browser tests and the nightly job. Nothing else can reach it.
 */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = realpathSync(dir);
  const handler = sirv(root, { dev: true, etag: false, extensions: ["html"] });
  const server: Server = createServer((req, res) =>
    handler(req, res, () => {
      const notFound = path.join(root, "404.html");
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      res.end(existsSync(notFound) ? readFileSync(notFound) : "Not found");
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
