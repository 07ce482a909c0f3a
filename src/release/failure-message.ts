import { BuildDateError } from "../rules/build-date.ts";
import { DataError } from "../model/problems.ts";
import { OutputError } from "./publish.ts";
import { KeptInputError } from "../content/kept-input.ts";

function causeOf(e: Error): unknown {
  return (e as Error & { originalError?: unknown }).originalError ?? e.cause;
}

/**
 * The message a maintainer sees when a command fails: our own errors as they are, anything else with its cause chain
 * under `headline` (none when it is empty: the nightly's report says what failed).
 */
export function explainFailure(error: unknown, headline = "The build failed; the published site was not changed."): string {
  for (let e: unknown = error; e instanceof Error; e = causeOf(e)) {
    if (e instanceof DataError || e instanceof BuildDateError || e instanceof OutputError || e instanceof KeptInputError) return e.message;
  }
  const lines: string[] = [];
  for (let e: unknown = error; e; e = e instanceof Error ? causeOf(e) : undefined) {
    lines.push(e instanceof Error ? e.message : String(e));
    if (lines.length > 5) break;
  }
  return [headline, lines.join("\n  caused by: ")].filter(Boolean).join("\n");
}
