import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { icoFromPngs, icoImages, pngSize } from "../../../tools/ico.ts";
import { PROJECT_ROOT } from "../../helpers/site.ts";

/** A PNG's first 24 bytes (signature and IHDR) with the given size: enough for the icon header. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(24);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}

describe("favicon.ico from PNGs", () => {
  it("holds each PNG as it is, with its size in its entry (256 written as 0)", () => {
    const pngs = [pngHeader(16, 16), pngHeader(32, 32), pngHeader(256, 256)];
    const images = icoImages(icoFromPngs(pngs));
    expect(images.map(({ width, height }) => [width, height])).toEqual([
      [16, 16],
      [32, 32],
      [256, 256],
    ]);
    for (const [i, image] of images.entries()) expect([...image.png]).toEqual([...pngs[i]!]);
  });

  it("refuses what is not a PNG or not an icon", () => {
    expect(() => pngSize(new Uint8Array(30))).toThrow("not a PNG file");
    expect(() => icoImages(new Uint8Array([0, 0, 2, 0, 0, 0]))).toThrow("not an icon file");
  });

  it("is what the committed pages/icons/favicon.ico holds: 16, 32 and 48 pixel PNGs, each the size it claims", () => {
    const images = icoImages(readFileSync(path.join(PROJECT_ROOT, "pages", "icons", "favicon.ico")));
    expect(images.map(({ width, height, png }) => [width, height, pngSize(png).width, pngSize(png).height])).toEqual([
      [16, 16, 16, 16],
      [32, 32, 32, 32],
      [48, 48, 48, 48],
    ]);
  });
});
