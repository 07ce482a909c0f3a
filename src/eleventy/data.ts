import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Eleventy 3 ignores `_data/*.ts`; this data extension imports them (fresh on
 * every rebuild, so `npm start` sees edits) and calls a default export that is a function.
 */
export async function importTsData(filePath: string): Promise<unknown> {
  const url = pathToFileURL(path.resolve(filePath));
  url.searchParams.set("t", String(Date.now()));
  const mod = (await import(url.href)) as { default?: unknown };
  const value = mod.default ?? mod;
  return typeof value === "function" ? await (value as () => unknown)() : value;
}
