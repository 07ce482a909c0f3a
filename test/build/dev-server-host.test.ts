/**
 * `npm start`'s preview server (Eleventy's dev server) listens on 127.0.0.1 once the site's config has bound it,
 * not on every interface as it does by itself. A real server, started here on port 0 and closed.
 */
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { bindDevServer } from "../../src/eleventy/dev-server-host.ts";
import { temporaryFolder } from "../helpers/temporary.ts";

const EleventyDevServer = createRequire(import.meta.url)("@11ty/eleventy-dev-server");

describe("npm start's preview server", () => {
  let server: { serve(port: number): void; close(): Promise<void>; server: import("node:http").Server } | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function listeningAddress(): Promise<string> {
    server = EleventyDevServer.getServer("test", temporaryFolder("lr-serve-"), { logger: { info() {}, log() {}, error() {} } });
    const listening = new Promise<void>((resolve) => server!.server.once("listening", () => resolve()));
    server!.serve(0);
    await listening;
    return (server!.server.address() as AddressInfo).address;
  }

  it("listens on 127.0.0.1 only, once bound by the site's config", async () => {
    bindDevServer("127.0.0.1");
    expect(await listeningAddress()).toBe("127.0.0.1");
  });
});
