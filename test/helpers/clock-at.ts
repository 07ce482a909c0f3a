/**
 * A test-only clock for a script run in a child process, as Debian's faketime
 * would give it: `node --import tsx --import <clockAt(instant)> scripts/nightly.ts`
 * starts the process's clock (`Date.now()`, `new Date()`, and so luxon's) at the
 * instant in the module address's `at`, and lets it run on from there.
 *
 * It is the only way to run a script at another date, and it cannot be left on
 * by accident: no script, setting or environment variable of the project reads
 * it; a process has it only when its command line imports this test file.
 */
import { pathToFileURL } from "node:url";

const given = new URL(import.meta.url).searchParams.get("at");
if (given !== null) {
  const start = Date.parse(given);
  if (Number.isNaN(start)) throw new Error(`clock-at: "${given}" is not an instant; expected e.g. 2026-11-26T12:00:00Z.`);
  const RealDate = Date;
  const offset = start - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

/** The `--import` address that starts a child process's clock at `instant`. */
export function clockAt(instant: string): string {
  const url = pathToFileURL(import.meta.filename);
  url.searchParams.set("at", instant);
  return url.href;
}

/** Noon in London on `date` (YYYY-MM-DD): safely that date whatever the season. */
export function noonOn(date: string): string {
  return `${date}T12:00:00Z`;
}
