/** An error whose message says all a maintainer can act on: shown as it is, without its causes (explainFailure). */
export class PlainError extends Error {}

/** A release refused (where, when or by whom the site is published), with a message a maintainer can act on. */
export class OutputError extends PlainError {
  override readonly name = "OutputError";
}

function causeOf(e: Error): unknown {
  return (e as Error & { originalError?: unknown }).originalError ?? e.cause;
}

/**
 * The message a maintainer sees when a command fails: our own errors as they are, anything else with its cause chain
 * under `headline` (none when it is empty: the nightly's report says what failed).
 */
export function explainFailure(error: unknown, headline = "The build failed; the published site was not changed."): string {
  for (let e: unknown = error; e instanceof Error; e = causeOf(e)) if (e instanceof PlainError) return e.message;
  const lines: string[] = [];
  for (let e: unknown = error; e && lines.length < 6; e = e instanceof Error ? causeOf(e) : undefined) lines.push(e instanceof Error ? e.message : String(e));
  return [headline, lines.join("\n  caused by: ")].filter(Boolean).join("\n");
}
