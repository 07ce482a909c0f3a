import path from "node:path";
import { MARKER } from "../build/build-record.ts";
import type { IsoDate } from "../model/dates.ts";
import { outputLayout, type OutputLayout } from "../model/output-layout.ts";
import { publishDecision } from "../rules/release-dates.ts";
import { exists, kind, OutputError } from "./build-folder.ts";
import { buildAt } from "./publish.ts";

/** What publishing refuses before anything is written: where (checkOutput), and when (checkDates). */

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * Refuse an output that would take over something the build did not make: the
 * project or any folder holding it, the file-system root, or a missing parent
 * folder. Called before anything is written.
 */
export async function checkOutput(out: string, projectRoot: string): Promise<OutputLayout> {
  if (out.trim() === "") throw new OutputError(`--out is empty; give the folder to publish to, e.g. --out _site.`);
  const layout = outputLayout(out);
  const project = path.resolve(projectRoot);
  if (isInside(project, layout.out)) {
    throw new OutputError(
      `--out ${out} is ${layout.out === project ? "the project folder itself" : `a folder that holds the project (${project})`}; publishing there would replace the project. Choose a folder of its own, e.g. --out _site or --out /var/www/reviews.`,
    );
  }
  const parent = path.dirname(layout.out);
  if ((await kind(parent)) === "missing")
    throw new OutputError(
      `The folder ${parent} does not exist, so the site cannot be published to ${layout.out}. Create it first (mkdir -p ${parent}), or choose another --out.`,
    );
  const current = await kind(layout.out);
  if (current === "other") throw new OutputError(`${layout.out} is a file, not a folder or link; move it away and run again.`);
  if (current === "dir" && !(await exists(path.join(layout.out, MARKER)))) {
    throw new OutputError(
      `${layout.out} is a folder that this site's build did not make (it has no ${MARKER} file), so it will not be replaced. Move it away, or choose another --out.`,
    );
  }
  const previous = await kind(layout.previous);
  if (previous === "dir" || previous === "other")
    throw new OutputError(
      `${layout.previous} should be a link to the previous build, but it is a ${previous === "dir" ? "folder" : "file"}. Move it away and run again.`,
    );
  return layout;
}

/**
 * Refuse a build dated after today unless `allowFutureDate` (it would publish reviews early), or before the live one
 * (it would bring back what the live build has already removed), by the rule in src/rules/release-dates.ts. Returns a
 * warning when the live build it will replace was dated after today. Called under the output lock.
 */
export async function checkDates(layout: OutputLayout, buildDate: IsoDate, options: { today: IsoDate; allowFutureDate?: boolean }): Promise<string[]> {
  const { today } = options;
  const live = await buildAt(layout.out);
  const decision = publishDecision({ ...options, buildDate, ...(live?.meta ? { liveDate: live.meta.buildDate } : {}) });
  if (decision.verdict === "publish") {
    const future = decision.replacesFutureLive;
    return future
      ? [
          `The live build in ${layout.out} was made for ${future}, after today (${today}), so it may have listed reviews that are not public yet; it was replaced by this build for ${buildDate}.`,
        ]
      : [];
  }
  if (decision.why === "future") {
    throw new OutputError(
      `This build is for ${buildDate}, after today (${today}). A build for a later date lists reviews that are not public yet, so it was not published to ${layout.out}, which was not changed. ` +
        `To look at the site as it will be on that date, build a preview in a folder that is not served: BUILD_DATE=${buildDate} npm run build -- --out _preview --future-date. ` +
        `To publish it to ${layout.out} all the same, add --future-date.`,
    );
  }
  throw new OutputError(
    `This build is for ${buildDate}, earlier than the live site's build (${decision.liveDate}) in ${layout.out}. Publishing it would bring back reviews that the live site has already removed, so it was refused. ` +
      `Check the machine's clock and BUILD_DATE; to look at the site on another date, build a preview in a folder that is not served (--out _preview).`,
  );
}
