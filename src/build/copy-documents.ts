import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";

/**
 * Copy the document files of listed reviews into the output. Only the files
 * the catalogue names are copied, so a removed or withheld report that is
 * still in `reviews/` never reaches the site.
 */
export async function copyDocuments(files: readonly { from: string; to: string }[], root: string, outputDir: string): Promise<number> {
  const folders = new Set(files.map((file) => path.dirname(path.join(outputDir, file.to))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (const file of files) await copyFile(path.join(root, file.from), path.join(outputDir, file.to));
  return files.length;
}
