import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../helpers/site.ts";

/**
 * What each GitHub Actions job may do with the repository's token. A job that runs project
 * code (npm ci runs every dependency's install scripts) must hold no write permission and no
 * token in .git/config, so a compromised dependency cannot push to main, move the
 * `last-deployed` tag or deploy a site of its own.
 */
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  container?: string | { image: string };
  steps: Step[];
}
interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const WORKFLOWS = ["ci.yml", "nightly.yml"];
const text = (file: string) => readFileSync(path.join(PROJECT_ROOT, ".github", "workflows", file), "utf8");
const workflow = (file: string) => parse(text(file)) as Workflow;

/** Exactly what each job needs, and nothing more. */
const NEEDED: Record<string, Record<string, Record<string, string>>> = {
  "ci.yml": { check: { contents: "read" } },
  "nightly.yml": {
    // actions/configure-pages reads the Pages settings (GET /repos/…/pages) for the site's address.
    address: { pages: "read" },
    // Checks out the code, and the last-deployed tag for a failed night's fallback, read-only.
    build: { contents: "read" },
    deploy: { pages: "write", "id-token": "write" },
    // Moves the last-deployed tag.
    record: { contents: "write" },
  },
};

/**
 * Node.js release lines still supported by the Node.js project (https://nodejs.org/en/about/previous-releases):
 * 22 until 30 April 2027, 24 until 30 April 2028. Node 20 ended on 30 April 2026.
 */
const SUPPORTED_NODE = ["22", "24"];

/** A step that runs code from the repository or its dependencies: npm, npx, tsx, node, a script of the project, a local action. */
function runsProjectCode(step: Step): boolean {
  if (step.uses?.startsWith("./")) return true;
  return /(^|[\s;&|(`])(npm|npx|tsx|node|yarn|pnpm|bash|sh|make)\s|(^|[\s;&|(])\.{0,2}\/?scripts\/|(^|\s)\.\//m.test(step.run ?? "");
}

describe("the GitHub Actions workflows' tokens", () => {
  for (const file of WORKFLOWS) {
    describe(file, () => {
      const flow = workflow(file);
      const jobs = Object.entries(flow.jobs);

      it("grants nothing to the workflow as a whole, so each job gets only what it names", () => {
        expect(flow.permissions).toEqual({});
      });

      it("gives each job exactly the permissions it needs", () => {
        expect(Object.fromEntries(jobs.map(([name, job]) => [name, job.permissions]))).toEqual(NEEDED[file]);
      });

      it("runs no npm, npx, tsx or project script in a job that can write", () => {
        // A job without permissions of its own has the workflow's, or (none anywhere) the repository's default, which may be write-all.
        const effective = (job: Job) => job.permissions ?? flow.permissions ?? { all: "write" };
        const problems = jobs
          .filter(([, job]) => Object.values(effective(job)).includes("write"))
          .flatMap(([name, job]) => job.steps.filter(runsProjectCode).map((step) => `${name}: ${step.name ?? step.run ?? step.uses}`));
        expect(problems).toEqual([]);
      });

      it("leaves no token in .git/config for a job that runs project code", () => {
        const problems = jobs
          .filter(([, job]) => job.steps.some(runsProjectCode))
          .flatMap(([name, job]) =>
            job.steps.filter((step) => step.uses?.startsWith("actions/checkout@") && step.with?.["persist-credentials"] !== false).map(() => name),
          );
        expect(problems).toEqual([]);
        expect(jobs.filter(([, job]) => job.steps.some(runsProjectCode)).length).toBeGreaterThan(0);
      });

      it("pins every action to a full commit SHA, with its version in a comment", () => {
        const uses = text(file)
          .split("\n")
          .filter((line) => /^\s*(-\s+)?uses:/.test(line));
        expect(uses.length).toBeGreaterThan(0);
        expect(uses.filter((line) => !/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}\s*$/.test(line))).toEqual([]);
      });

      it("runs the project on a supported Node.js LTS line", () => {
        const versions = jobs
          .filter(([, job]) => job.steps.some(runsProjectCode))
          .map(([name, job]) => {
            const image = typeof job.container === "string" ? job.container : job.container?.image;
            const setup = job.steps.find((step) => step.uses?.startsWith("actions/setup-node@"))?.with?.["node-version"];
            return [name, String(setup ?? image?.match(/^node:(\d+)/)?.[1] ?? "none")];
          });
        expect(versions.length).toBeGreaterThan(0);
        expect(versions.filter(([, version]) => !SUPPORTED_NODE.includes(version!))).toEqual([]);
      });
    });
  }

  it("fetches the last-deployed tag in the read-only build job's checkout, so a failed night's fallback needs no token", () => {
    const build = workflow("nightly.yml").jobs.build!;
    const checkout = build.steps.find((step) => step.uses?.startsWith("actions/checkout@"))!;
    expect(checkout.with).toMatchObject({ "fetch-depth": 0, "persist-credentials": false });
    // Nothing in the job fetches or pushes later, which would need the token.
    expect(build.steps.filter((step) => /git (fetch|push|pull)/.test(step.run ?? ""))).toEqual([]);
  });

  it("keeps package.json's engines at Node 20.19, which the project still supports", () => {
    expect(JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")).engines).toEqual({ node: ">=20.19" });
  });
});

describe("what counts as running project code", () => {
  it("is npm, npx, tsx, node and the project's scripts, not git or echo", () => {
    expect(runsProjectCode({ run: "npm ci" })).toBe(true);
    expect(runsProjectCode({ run: "cd x\nnpx tsx scripts/ci-summary.ts" })).toBe(true);
    expect(runsProjectCode({ run: "bash scripts/ensure-test-tools.sh" })).toBe(true);
    expect(runsProjectCode({ run: "./scripts/run" })).toBe(true);
    expect(runsProjectCode({ uses: "./.github/actions/local" })).toBe(true);
    expect(runsProjectCode({ run: 'git tag -f last-deployed "$GITHUB_SHA"\ngit push -f origin refs/tags/last-deployed' })).toBe(false);
    expect(runsProjectCode({ run: "echo \"::error::Tonight's build failed (see the build job's log).\"\nexit 1" })).toBe(false);
    expect(runsProjectCode({ uses: "actions/checkout@0123" })).toBe(false);
  });
});
