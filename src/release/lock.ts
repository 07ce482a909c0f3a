import lockfile from "proper-lockfile";
import type { OutputLayout } from "./build-folder.ts";

/**
 * How long a lock may go without being refreshed before it counts as left by a
 * process that died (killed, or the machine lost power). The holder refreshes it
 * every half of this; a new run waits this long, and a little more, for a stale lock.
 */
export const LOCK_STALE_MS = 5_000;

/**
 * Only one build, rollback or withdrawal may write to an output at a time.
 * Resolves with the function that releases the lock. A lock left by a process
 * that has died is taken over once it is stale; one held by a running process
 * is an error that says so.
 */
export async function lock(layout: OutputLayout, log: (line: string) => void = (line) => console.warn(line)): Promise<() => Promise<void>> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(layout.out, {
      lockfilePath: layout.lock,
      realpath: false,
      stale: LOCK_STALE_MS,
      retries: { retries: Math.ceil(LOCK_STALE_MS / 1000) + 2, factor: 1, minTimeout: 1000, maxTimeout: 1000 },
      // The holder was too busy to refresh the lock in time; another run may now take it over. Not worth stopping a build for.
      onCompromised: (error) => log(`Warning: the lock on ${layout.out} was lost (${error.message}); another build may have started.`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    throw new Error(
      `Another build is writing to ${layout.out}; wait for it to finish. ` +
        `A lock left by a build that was stopped clears itself after ${LOCK_STALE_MS / 1000} seconds; if it does not, delete ${layout.lock}.`,
    );
  }
  return () =>
    release().catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ERELEASED") throw error;
    });
}
