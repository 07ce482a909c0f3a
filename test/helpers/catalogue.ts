import { buildCatalogue, type Catalogue } from "../../src/catalogue/index.ts";
import { readBuildInput } from "../../src/content/build-input.ts";
import { contentPaths } from "../../src/content/paths.ts";

/** The catalogue a build of the project at `root` makes at `buildDate`: what the nightly's check compares the output with. */
export async function catalogueOf(root: string, buildDate: string): Promise<Catalogue> {
  const input = await readBuildInput(contentPaths(root), buildDate);
  return buildCatalogue(input.reviews, input.site, buildDate, input.warnings);
}
