import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | undefined;

/**
 * A full garbage collection of this process, now. The build calls it before it waits on Eleventy's
 * process: V8 collects only as a process allocates, so what reading and checking the data left behind
 * (about 250 MiB at 10,000 reviews) would otherwise stay resident beside Eleventy's own memory for
 * the whole of its run, taking the build past 1 GiB (docs/design.md, Performance). V8 gives the
 * collector's function only to a context made while `--expose-gc` is set, so it is set for one new
 * context and unset again, and the build needs no Node option of its own.
 */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
    setFlagsFromString("--no-expose-gc");
  }
  collect();
}
