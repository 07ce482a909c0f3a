import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { globSync } from "tinyglobby";
import { x } from "tinyexec";
import { beforeAll, describe, expect, it } from "vitest";
import { parseTemplateData, TEMPLATE_DATA_FILE } from "../../src/catalogue/template-data.ts";
import { indexedFragments } from "../../src/eleventy/search-index.ts";
import { runEleventy } from "../../src/build/build-site.ts";
import { temporaryFolder } from "../helpers/temporary.ts";
import { fixturePdf } from "../helpers/documents.ts";
import { fixtureProject, type FixtureProject } from "../helpers/fixture-project.ts";
import { FIXTURES, fixtureSite } from "../helpers/site.ts";

const BUILD_DATE = "2026-11-26";
/** Only inside the PDF: never in the data, a title or a summary. */
const PDF_PHRASE = "saffron pendulum undertaking";

const reviews = [
  {
    id: "child-wren",
    title: "Child Wren",
    type: "CSPR",
    area: "holt",
    status: "published",
    published: "2026-04-02",
    summary: "What agencies learnt.",
    themes: ["neglect"],
    documents: [{ kind: "overview-report", title: "Overview report", file: "overview-report.pdf" }],
  },
];

describe("the catalogue Eleventy's process is handed", () => {
  let site: FixtureProject;
  let handedOver: string;
  let handOverFile: string;
  beforeAll(async () => {
    site = fixtureProject({
      reviews,
      site: fixtureSite(path.join(FIXTURES, "partnership-b")),
      files: { "child-wren/overview-report.pdf": fixturePdf("Child Wren: Overview report", [`The panel set out the ${PDF_PHRASE} for every agency.`]) },
    });
    // Killed just before Eleventy runs: the half-made build keeps the file exactly as Eleventy's process would have read it.
    const killed = await site.run("build", [], { BUILD_DATE, LEARNING_REVIEWS_FAULT: "eleventy:kill" });
    expect(killed.code).not.toBe(0);
    const found = globSync(`_site.builds/*/input/${TEMPLATE_DATA_FILE}`, { cwd: site.root, absolute: true });
    expect(found, "the hand-over file in the half-made build").toHaveLength(1);
    handOverFile = found[0]!;
    handedOver = readFileSync(handOverFile, "utf8");
    const built = await site.run("build", [], { BUILD_DATE });
    expect(built.code, built.stderr).toBe(0);
  });

  it("holds the listed review for the templates, checked by its schema", () => {
    const data = parseTemplateData(handedOver, handOverFile);
    expect(data.listed.map((review) => review.id)).toEqual(["child-wren"]);
    expect(data.listed[0]!.documents[0]!.linkText).toMatch(/^Overview report \(PDF, \d+ KB, 1 page\)$/);
  });

  it("holds none of the PDF's text, which the search index still finds", () => {
    expect(handedOver).not.toContain(PDF_PHRASE);
    const live = realpathSync(path.join(site.root, "_site"));
    const fragments = indexedFragments(live).filter((fragment) => fragment.content.includes(PDF_PHRASE));
    // One result per review (the one search): the review, with the PDF as the place on its page the phrase was found.
    expect(fragments.map((fragment) => fragment.url)).toEqual(["/reviews/child-wren/"]);
  });

  it("is deleted once Eleventy has run: the live build keeps only what the fallback rebuilds from", () => {
    const live = realpathSync(path.join(site.root, "_site"));
    expect(existsSync(path.join(live, "..", "input", TEMPLATE_DATA_FILE))).toBe(false);
    expect(existsSync(path.join(live, "..", "input", "build-input.json"))).toBe(true);
  });

  it("is read with its schema by Eleventy's process: a file of the wrong shape stops it, naming the file and the field", async () => {
    const wire = JSON.parse(handedOver);
    wire.listed[0].title = 7;
    const dir = temporaryFolder("lr-handover-");
    const file = path.join(dir, TEMPLATE_DATA_FILE);
    writeFileSync(file, JSON.stringify(wire));
    const out = path.join(dir, "site");
    await expect(runEleventy(site.root, out, file)).rejects.toThrow(`${file}, field "listed[1].title"`);
    expect(existsSync(path.join(out, "reviews", "child-wren", "index.html"))).toBe(false);
  });

  it("is not needed without a build: Eleventy's process run on its own (as npm start runs it) makes the catalogue itself, and the same pages", async () => {
    const out = path.join(temporaryFolder("lr-alone-"), "site");
    const cli = path.join(site.root, "node_modules", "@11ty", "eleventy", "cmd.cjs");
    const alone = await x(process.execPath, ["--import", "tsx", cli, "--config=.eleventy.ts", `--output=${out}`, "--quiet"], {
      nodeOptions: { cwd: site.root, env: { BUILD_DATE } },
    });
    expect(alone.exitCode, alone.stderr).toBe(0);
    const live = realpathSync(path.join(site.root, "_site"));
    const written = globSync("**/*.{html,xml,json,csv,txt}", { cwd: out });
    expect(written).toContain("reviews/child-wren/index.html");
    for (const file of written) expect(readFileSync(path.join(out, file), "utf8"), file).toBe(readFileSync(path.join(live, file), "utf8"));
  });
});
