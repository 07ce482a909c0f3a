/**
 * The address `npm start`'s preview listens on. Eleventy's dev server (2.x) has no host option and listens on
 * every interface, which would show a preview (it lists reviews not yet public, and serves the editor) to the
 * whole network; the site's config binds it to 127.0.0.1 instead, or to `PREVIEW_HOST` when asked.
 */
import { createRequire } from "node:module";

/** 127.0.0.1 unless `PREVIEW_HOST` names another address (`PREVIEW_HOST=0.0.0.0 npm start` opens it to the network). */
export function previewHost(env: Record<string, string | undefined>): string {
  return env.PREVIEW_HOST?.trim() || "127.0.0.1";
}

interface DevServerClass {
  prototype: { _serverListen?: (port: number) => void; server: { listen(options: { port: number; host: string }): void } };
}

/**
 * Make Eleventy's dev server listen on `host`. It listens in one method, `_serverListen(port)`; if a new version
 * renames it, this throws rather than let the preview listen on every interface.
 */
export function bindDevServer(host: string): void {
  const DevServer = createRequire(import.meta.url)("@11ty/eleventy-dev-server") as DevServerClass;
  if (typeof DevServer.prototype._serverListen !== "function") {
    throw new Error(
      "@11ty/eleventy-dev-server no longer has _serverListen, so the preview cannot be kept to 127.0.0.1: update src/eleventy/dev-server-host.ts.",
    );
  }
  DevServer.prototype._serverListen = function (this: DevServerClass["prototype"], port: number) {
    this.server.listen({ port, host });
  };
}
