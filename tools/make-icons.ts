/**
 * Make the site's PNG icons and favicon.ico from pages/icons/favicon.svg, offline, with Debian's Chromium:
 * `npx tsx tools/make-icons.ts`. Run it after changing the SVG and commit what it writes (pages/icons/).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { chromeLaunchConfig } from "../src/checks/chromium.ts";
import { icoFromPngs } from "./ico.ts";

const ICONS = path.resolve(import.meta.dirname, "..", "pages", "icons");
const svg = readFileSync(path.join(ICONS, "favicon.svg"), "utf8");

const browser = await chromium.launch(chromeLaunchConfig());
try {
  const render = async (size: number, background = "transparent"): Promise<Uint8Array> => {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
    await page.setContent(`<body style="margin:0;background:${background}"><img src="${src}" width="${size}" height="${size}" style="display:block"></body>`);
    await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
    const png = await page.screenshot({ omitBackground: background === "transparent" });
    await page.close();
    return png;
  };
  const [png16, png32, png48] = [await render(16), await render(32), await render(48)];
  writeFileSync(path.join(ICONS, "favicon-16.png"), png16);
  writeFileSync(path.join(ICONS, "favicon-32.png"), png32);
  // iOS puts its own rounded corners on a home-screen icon and shows transparency as black: a square on the icon's colour.
  writeFileSync(path.join(ICONS, "apple-touch-icon.png"), await render(180, "#1d3b5c"));
  writeFileSync(path.join(ICONS, "favicon.ico"), icoFromPngs([png16, png32, png48]));
} finally {
  await browser.close();
}
