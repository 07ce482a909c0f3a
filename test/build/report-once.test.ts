/** The nightly and the build say each fact once: a data warning is not printed as it is found and again in the report. */
import { describe, expect, it } from "vitest";
import { fixtureProject } from "../helpers/fixture-project.ts";
import { fixturePdf } from "../helpers/documents.ts";

const PDF = fixturePdf("Fixture document");
const reviews = [
  {
    id: "cspr-one",
    title: "Child One",
    type: "CSPR",
    area: "northshire",
    status: "published",
    published: "2024-04-01",
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
  },
];
// The fixture PDF is untagged, with no title or language: the audit warns about it.
const files = { "cspr-one/overview-report.pdf": PDF };
const WARNING = /this PDF is not accessible: it is not tagged/g;
const times = (text: string) => text.match(WARNING)?.length ?? 0;

describe("each warning said once", () => {
  it("the nightly's log and report name a data warning once, not as it is found and again in the report", async () => {
    const site = fixtureProject({ reviews, files });
    const night = await site.runOn("2026-11-26", "nightly", ["--a11y", "never"]);
    expect(night.code, night.stderr).toBe(0);
    expect(times(`${night.stdout}\n${night.stderr}`)).toBe(1);
  });

  it("npm run build names it once too, before its summary", async () => {
    const site = fixtureProject({ reviews, files });
    const build = await site.run("build", [], { BUILD_DATE: "2026-11-26" });
    expect(build.code, build.stderr).toBe(0);
    expect(times(`${build.stdout}\n${build.stderr}`)).toBe(1);
  });
});
