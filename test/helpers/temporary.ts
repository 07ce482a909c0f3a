import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";

const forThisFile: string[] = [];

/**
 * A new empty folder under the system's temporary folder, removed when the
 * test that made it finishes; one made outside a test (in `beforeAll`, or at
 * the top of a file) is removed after the file's last test (test/helpers/setup.ts).
 */
export function temporaryFolder(prefix = "lr-test-"): string {
  return removedAfterTest(mkdtempSync(path.join(tmpdir(), prefix)));
}

/** Remove `dir` (a temporary folder made elsewhere) when the test, or the file, that made it ends. */
export function removedAfterTest(dir: string): string {
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  } catch {
    forThisFile.push(dir);
  }
  return dir;
}

/** Remove the folders made outside a test. */
export function removeFileFolders(): void {
  for (const dir of forThisFile.splice(0)) rmSync(dir, { recursive: true, force: true });
}
