import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeCitationFiles } from "../../../src/eleventy/citation-files.ts";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const outputFolder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lr-ris-"));
  made.push(dir);
  return dir;
};
const review = (id: string, ris: string) => ({ id, citation: { risUrl: `/reviews/${id}/citation.ris`, ris } });

describe("writeCitationFiles", () => {
  it("writes each listed review's RIS record at its address, byte for byte (CRLF kept), and nothing else", async () => {
    const out = outputFolder();
    const written = await writeCitationFiles(
      [review("family-gale", "TY  - RPRT\r\nTI  - Family Gale: “Serious” Case Review\r\nER  - \r\n"), review("b", "TY  - RPRT\r\nER  - \r\n")],
      out,
    );
    expect(written).toBe(2);
    expect(readFileSync(path.join(out, "reviews/family-gale/citation.ris"), "utf8")).toBe(
      "TY  - RPRT\r\nTI  - Family Gale: “Serious” Case Review\r\nER  - \r\n",
    );
    expect(readFileSync(path.join(out, "reviews/b/citation.ris"), "utf8")).toBe("TY  - RPRT\r\nER  - \r\n");
    expect(readdirSync(path.join(out, "reviews")).sort()).toEqual(["b", "family-gale"]);
  });

  it("writes nothing for no reviews", async () => {
    const out = outputFolder();
    expect(await writeCitationFiles([], out)).toBe(0);
    expect(readdirSync(out)).toEqual([]);
  });

  it("makes each file readable by a web server running as another user, whatever the umask", async () => {
    const out = outputFolder();
    const umask = process.umask(0o077);
    try {
      await writeCitationFiles([review("a", "TY  - RPRT\r\nER  - \r\n")], out);
    } finally {
      process.umask(umask);
    }
    expect(statSync(path.join(out, "reviews/a/citation.ris")).mode & 0o777).toBe(0o644);
    expect(statSync(path.join(out, "reviews/a")).mode & 0o777).toBe(0o755);
  });

  it("refuses an address outside the output folder, writing nothing there", async () => {
    const out = outputFolder();
    await expect(writeCitationFiles([{ id: "x", citation: { risUrl: "/../escaped.ris", ris: "TY  - RPRT\r\n" } }], out)).rejects.toThrow(/x.*outside/);
    expect(readdirSync(path.dirname(out))).not.toContain("escaped.ris");
  });
});
