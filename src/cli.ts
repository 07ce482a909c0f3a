import { BuildDateError } from "./build-date.ts";
import { DataError } from "./problems.ts";

/** The message a maintainer sees when a command fails: our own errors as they are, anything else with its cause chain. */
export function explainFailure(error: unknown): string {
  for (let e: unknown = error; e instanceof Error; e = (e as Error & { originalError?: unknown }).originalError ?? e.cause) {
    if (e instanceof DataError || e instanceof BuildDateError) return e.message;
  }
  const lines: string[] = [];
  for (let e: unknown = error; e; e = e instanceof Error ? ((e as Error & { originalError?: unknown }).originalError ?? e.cause) : undefined) {
    lines.push(e instanceof Error ? e.message : String(e));
    if (lines.length > 5) break;
  }
  return `The build failed; the published site was not changed.\n${lines.join("\n  caused by: ")}`;
}
