import path from "node:path";
import { exists, kind, OutputError } from "./build-folder.ts";
import { MARKER } from "../build/build-record.ts";
import { outputLayout, type OutputLayout } from "../model/output-layout.ts";

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
