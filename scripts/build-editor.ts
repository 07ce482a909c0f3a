/**
 * `npm run build:editor [-- --out DIR]`: build the editor alone into DIR (default `_editor`), to be served from an
 * origin of its own, apart from the public site (src/cms/editor-build.ts; "Where to serve the editor" in docs/deploying.md).
 */
import { parseArgs } from "node:util";
import { buildEditor } from "../src/cms/editor-build.ts";
import { explainFailure } from "../src/model/failures.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: "_editor" } } });
try {
  if (!values.out.trim()) throw new Error("--out is empty; give the folder for the editor, e.g. --out _editor.");
  const files = await buildEditor({ root: process.cwd(), out: values.out });
  console.log(
    `Built the editor alone (${files.length} files) into ${values.out}.\n` +
      'Serve that folder from an origin of its own (e.g. https://admin.example.org/), never the public site\'s: see "Where to serve the editor" in docs/deploying.md.',
  );
} catch (error) {
  console.error(explainFailure(error, "The editor was not built; an earlier editor build is as it was."));
  process.exitCode = 1;
}
