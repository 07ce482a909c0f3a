import { chmod, copyFile, mkdir } from "node:fs/promises";
import path from "node:path";

/**
 * Copy the document files of listed reviews into the output. Only the files
 * the catalogue names are copied, so a removed or withheld report that is
 * still in `reviews/` never reaches the site. Each copy is made 0644, whatever
 * the source file's mode, so that a web server running as another user can read it.
 */
export async function copyDocuments(files: readonly { from: string; to: string }[], root: string, outputDir: string): Promise<number> {
  const folders = new Set(files.map((file) => path.dirname(path.join(outputDir, file.to))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (const file of files) {
    await copyFile(path.join(root, file.from), path.join(outputDir, file.to));
    await chmod(path.join(outputDir, file.to), 0o644);
  }
  return files.length;
}
