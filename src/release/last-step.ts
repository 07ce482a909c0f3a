import { rm } from "node:fs/promises";
import path from "node:path";
import { writeMeta, type BuildFolder, type BuildMeta } from "../build/build-record.ts";

/** The whole files that name every listed review: deleted with them, never edited. */
export const NAMING_FILES = ["reviews.json", "reviews.csv", "feed.xml", "sitemap.xml"];

/**
 * The last step on a plain host, when even the fallback failed: delete from the live build each expired
 * review's folder (its page and documents), the whole search index and the whole files that name them.
 * Nothing is edited or written but build.json; the other pages (the home page, the lists) still name them.
 * Returns what could not be deleted.
 */
export async function deleteExpired(folder: BuildFolder, meta: BuildMeta, expired: BuildMeta["listed"]): Promise<string[]> {
  const problems: string[] = [];
  const remove = async (relative: string) => {
    try {
      await rm(path.join(folder.site, relative), { recursive: true, force: true });
    } catch (error) {
      problems.push(`${relative} could not be deleted from the live site (${(error as Error).message}); delete it by hand now.`);
    }
  };
  const ids = new Set(expired.map((review) => review.id));
  for (const id of ids) await remove(path.join("reviews", id));
  await remove("pagefind");
  for (const file of NAMING_FILES) await remove(file);
  await writeMeta(folder, {
    ...meta,
    listed: meta.listed.filter((review) => !ids.has(review.id)),
    removed: [...meta.removed, ...ids],
    documents: (meta.documents ?? []).filter((file) => !ids.has(file.split("/")[1]!)),
  }).catch((error: Error) => problems.push(`build.json could not be updated (${error.message}).`));
  return problems;
}
