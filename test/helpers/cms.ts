import type { Page } from "playwright-core";

/** The folder, in the page's Origin Private File System, that stands in for the repository the maintainer picks. */
const REPO = "repo";

/**
 * Seed an Origin Private File System folder with the given files (a `.git`
 * folder included, as Sveltia's local backend checks for one), and make
 * `window.showDirectoryPicker` return it, as if the maintainer had picked
 * their copy of the repository. Call on a page already at the site's origin.
 */
export async function seedLocalRepository(page: Page, files: Record<string, string>): Promise<void> {
  await page.evaluate(
    async ({ repo, files }) => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(repo, { create: true });
      for (const [name, text] of Object.entries({ ...files, ".git/HEAD": "ref: refs/heads/main\n" })) {
        const parts = name.split("/");
        let dir = root;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
    },
    { repo: REPO, files },
  );
  await page.addInitScript((repo) => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle(repo);
  }, REPO);
}

/** A file of the seeded repository as the editor left it, or undefined if there is none. */
export async function readLocalFile(page: Page, name: string): Promise<string | undefined> {
  return page.evaluate(
    async ({ repo, name }) => {
      try {
        let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(repo);
        const parts = name.split("/");
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
        return await (await dir.getFileHandle(parts.at(-1)!)).getFile().then((file) => file.text());
      } catch {
        return undefined;
      }
    },
    { repo: REPO, name },
  );
}

/** Open the editor with the local-folder backend and the reviews file, as a maintainer would (signing in again if asked). */
/**
 * Go to `url`, even while the editor is changing its own address (after a save it rewrites its hash, and a
 * navigation of ours that meets one of its own is aborted by Chromium: net::ERR_ABORTED). Any other failure is thrown.
 */
async function gotoPast(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url);
      return;
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("net::ERR_ABORTED")) throw error;
      await page.waitForLoadState().catch(() => undefined);
    }
  }
}

export async function openReviewsInEditor(page: Page, adminUrl: string): Promise<void> {
  await gotoPast(page, adminUrl);
  const signIn = page.getByRole("button", { name: /Work with Local Repository/ });
  // The collection's one file, then the editor for it.
  const reviews = page.getByRole("row").or(page.getByRole("gridcell")).or(page.getByRole("link")).filter({ hasText: "All reviews" }).first();
  await signIn.or(reviews).first().waitFor();
  if (await signIn.isVisible()) await signIn.click();
  await reviews.click();
  await page.getByRole("button", { name: "Save" }).waitFor();
}

/** A file of the seeded repository as bytes (an upload the editor wrote), or undefined if there is none. */
export async function readLocalBytes(page: Page, name: string): Promise<Buffer | undefined> {
  const base64 = await page.evaluate(
    async ({ repo, name }) => {
      try {
        let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(repo);
        const parts = name.split("/");
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
        const file = await (await dir.getFileHandle(parts.at(-1)!)).getFile();
        const bytes = new Uint8Array((await file.arrayBuffer()) as ArrayBuffer);
        let text = "";
        for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]!);
        return btoa(text);
      } catch {
        return undefined;
      }
    },
    { repo: REPO, name },
  );
  return base64 === undefined ? undefined : Buffer.from(base64, "base64");
}
