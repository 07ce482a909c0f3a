/** `npm run rollback`: make the previous build live again (`--out DIR`, default `_site`). Running it twice rolls forward. */
import { parseArgs } from "node:util";
import { outputLayout, rollback } from "../src/publish.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: "_site" } } });
try {
  const { now } = await rollback(outputLayout(values.out));
  console.log(`${values.out} now shows the previous build (${now}). Run again to undo.`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
