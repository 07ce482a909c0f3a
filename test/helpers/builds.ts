import { writeFileSync } from "node:fs";
import path from "node:path";
import { newBuild } from "../../src/release/publish.ts";
import { MARKER, writeMeta, type BuildFolder } from "../../src/build/build-record.ts";
import { outputLayout, type OutputLayout } from "../../src/model/output-layout.ts";
import { temporaryFolder } from "./temporary.ts";

/** An output `_site` in a temporary folder of its own. */
export function tempLayout(): OutputLayout {
  return outputLayout(path.join(temporaryFolder("lr-pub-"), "_site"));
}

/** A finished build whose home page says `content`, made for `buildDate`, not yet live. */
export async function finishedBuild(layout: OutputLayout, content: string, buildDate = "2026-11-26"): Promise<BuildFolder> {
  const folder = await newBuild(layout, "test");
  writeFileSync(path.join(folder.site, "index.html"), content);
  writeFileSync(path.join(folder.site, MARKER), "");
  await writeMeta(folder, { generator: "learning-reviews", buildDate, listed: [], removed: [] });
  return folder;
}
