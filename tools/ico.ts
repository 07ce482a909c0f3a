/**
 * A Windows icon file (`favicon.ico`) holding PNG images, as every browser since
 * Internet Explorer 11 reads them: a 6-byte header, a 16-byte entry per image
 * (its width and height, 0 meaning 256), then the PNGs themselves. No library: the
 * format is this small.
 */
export function icoFromPngs(pngs: readonly Uint8Array[]): Uint8Array {
  const header = 6 + 16 * pngs.length;
  const out = new Uint8Array(header + pngs.reduce((sum, png) => sum + png.length, 0));
  const view = new DataView(out.buffer);
  view.setUint16(2, 1, true); // type 1: icon
  view.setUint16(4, pngs.length, true);
  let offset = header;
  pngs.forEach((png, i) => {
    const { width, height } = pngSize(png);
    const entry = 6 + 16 * i;
    view.setUint8(entry, width >= 256 ? 0 : width);
    view.setUint8(entry + 1, height >= 256 ? 0 : height);
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, 32, true); // bits per pixel
    view.setUint32(entry + 8, png.length, true);
    view.setUint32(entry + 12, offset, true);
    out.set(png, offset);
    offset += png.length;
  });
  return out;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG's width and height, from its IHDR chunk; an error when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  if (png.length < 24 || PNG_SIGNATURE.some((byte, i) => png[i] !== byte)) throw new Error("not a PNG file");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The images an icon file holds, with the size each entry claims, for tests and checks. */
export function icoImages(ico: Uint8Array): { width: number; height: number; png: Uint8Array }[] {
  const view = new DataView(ico.buffer, ico.byteOffset, ico.byteLength);
  if (ico.length < 6 || view.getUint16(0, true) !== 0 || view.getUint16(2, true) !== 1) throw new Error("not an icon file");
  return Array.from({ length: view.getUint16(4, true) }, (_, i) => {
    const entry = 6 + 16 * i;
    const [size, offset] = [view.getUint32(entry + 8, true), view.getUint32(entry + 12, true)];
    if (offset + size > ico.length) throw new Error(`icon entry ${i + 1} runs past the end of the file`);
    return { width: view.getUint8(entry) || 256, height: view.getUint8(entry + 1) || 256, png: ico.subarray(offset, offset + size) };
  });
}
