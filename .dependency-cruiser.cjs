/**
 * Folders depend one way (README, "Code layout"): each layer may import from the layers before it in
 * ORDER, never from one after it, so no folder-level cycle can form. `npm run deps` checks it; `npm test`
 * runs it as a step. Type-only imports count: a folder that needs another's types depends on it.
 */
const ORDER = [
  ["model", "src/model/"], // shared vocabulary: reviews, dates, site settings, problems and their quoting, slugs, formats, output layout
  ["rules", "src/rules/"], // publication and date rules
  ["content", "src/content/"], // reading and validating the data and its documents
  ["sources", "src/sources/"], // a finder's sources: _data/sources.json and each source's feed, read as untrusted input
  ["catalogue", "src/catalogue/"], // what the site shows, as plain data and HTML
  ["eleventy", "src/eleventy/"], // the Eleventy plugin, its passthrough list, the search index it writes
  ["checks", "src/checks/"], // checks of a built site: links, search index, accessibility (and the nightly's step of it), test tools
  ["build", "src/build/"], // buildSite: one build into a folder given to it, checking and publishing nothing
  ["report", "src/report/"], // the nightly report: what it tells the business-support officers, and the previous build it compares with
  ["lock", "src/lock/"], // the output lock: one writer at a time (its decisions in rules.ts, pure)
  ["release", "src/release/"], // publishing (publish-site.ts), the nightly, the fallback, rollback
  ["cms", "src/cms/"], // the editor: its config, rules and separate build
  ["entry points", "(scripts/|pages/|\\.eleventy\\.ts$)"], // npm scripts, Eleventy's templates and config
];

const forbidden = ORDER.slice(0, -1).flatMap(([name, path], i) => {
  const later = `^(${ORDER.slice(i + 1)
    .map(([, laterPath]) => laterPath)
    .join("|")})`;
  const comment = `${name} (${path}) may import only from layers before it: ${
    ORDER.slice(0, i)
      .map(([before]) => before)
      .join(", ") || "none"
  }. Move what both need into the earlier folder (shared vocabulary goes in src/model/).`;
  return [{ name: `${name}-not-later`, severity: "error", comment, from: { path: `^${path}` }, to: { path: later } }];
});

module.exports = {
  forbidden,
  options: {
    includeOnly: "^(src/|scripts/|pages/|\\.eleventy\\.ts$)",
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    // TypeScript 7 (the native compiler) has no JavaScript API for dependency-cruiser to use: swc reads the .ts files.
    parser: "swc",
    tsConfig: { fileName: "tsconfig.json" },
  },
};
