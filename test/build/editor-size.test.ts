/**
 * The editor's own script (/admin/reviews-editor.js: the build's rules and validation, bundled by esbuild, which
 * runs as a process of its own, so this is not a unit test) stays small: under 60 KB gzip-compressed, without
 * zod's other languages and without a date library (the rules' dates are plain arithmetic, London's date from Intl).
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { reviewsEditorScript } from "../../src/cms/editor-bundle.ts";

const BUDGET = 60 * 1024;

describe("the editor's own script", () => {
  it("is under 60 KB gzip-compressed, for a partnership with many areas", async () => {
    const areaKeys = Array.from({ length: 40 }, (_, i) => `area-${i + 1}`);
    const script = await reviewsEditorScript({ retentionMonths: 24, areaKeys });
    const size = gzipSync(script).length;
    expect(size, `${(size / 1024).toFixed(1)} KB gzip-compressed`).toBeLessThan(BUDGET);
    expect(script).toContain("area-40");
  });

  it("carries none of zod's other languages and no date library", async () => {
    const script = await reviewsEditorScript({ retentionMonths: 12, areaKeys: ["northshire"] });
    // Russian and Hebrew from zod's locales; luxon's own names.
    for (const foreign of ["Неверный", "קלט", "Luxon", "Settings.defaultZone", "fromJSDate"]) expect(script).not.toContain(foreign);
    // zod's English messages stay: the editor says what is wrong in English.
    expect(script).toContain("Invalid input");
  });
});
