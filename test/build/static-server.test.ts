/** The static server that the accessibility check, the browser tests and the nightly job use: a real server on 127.0.0.1, so not a unit test. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serveStatic } from "../../src/checks/static-server.ts";
import { temporaryFolder } from "../helpers/temporary.ts";

describe("serveStatic", () => {
  it("serves pages by folder address, and the 404 page with a 404 status, on 127.0.0.1 only", async () => {
    const dir = temporaryFolder("lr-serve-");
    mkdirSync(path.join(dir, "reviews", "a"), { recursive: true });
    writeFileSync(path.join(dir, "reviews", "a", "index.html"), "<p>review a</p>");
    writeFileSync(path.join(dir, "404.html"), "<p>not here</p>");
    const server = await serveStatic(dir);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const page = await fetch(`${server.url}/reviews/a/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe("<p>review a</p>");
      const missing = await fetch(`${server.url}/reviews/gone/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe("<p>not here</p>");
    } finally {
      await server.close();
    }
  });
});
