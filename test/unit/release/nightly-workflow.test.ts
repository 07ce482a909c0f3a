import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../helpers/site.ts";

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  "continue-on-error"?: boolean;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  if?: string;
  steps: Step[];
  outputs?: Record<string, string>;
}
interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(path.join(PROJECT_ROOT, ".github", "workflows", "nightly.yml"), "utf8")) as Workflow;
const build = workflow.jobs.build!;
const stepIndex = (match: (step: Step) => boolean) => build.steps.findIndex(match);

describe("the nightly workflow", () => {
  it("runs at 02:00 UTC and on demand", () => {
    expect(workflow.on.schedule).toEqual([{ cron: "0 2 * * *" }]);
    expect("workflow_dispatch" in workflow.on).toBe(true);
  });

  it("installs, installs Chromium, runs the nightly job, keeps the report and deploys to Pages, in that order", () => {
    const order = [
      stepIndex((s) => s.uses?.startsWith("actions/checkout") ?? false),
      stepIndex((s) => s.run?.includes("apt-get install -y -qq chromium") ?? false),
      stepIndex((s) => s.run === "npm ci"),
      stepIndex((s) => s.id === "nightly"),
      stepIndex((s) => s.id === "fallback"),
      stepIndex((s) =>
        String(s.with?.path ?? "")
          .split("\n")
          .includes("_site.report.json"),
      ),
      stepIndex((s) => s.uses?.startsWith("actions/upload-pages-artifact") ?? false),
    ];
    expect(
      order.every((i) => i >= 0),
      JSON.stringify(order),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(workflow.jobs.deploy!.needs).toBe("build");
    expect(workflow.jobs.deploy!.steps.some((s) => s.uses?.startsWith("actions/deploy-pages"))).toBe(true);
  });

  it("on a failed night, runs the shared fallback on the last deployed commit (its own code and data at today's date), deploys it, and still fails the run", () => {
    const nightly = build.steps.find((s) => s.id === "nightly")!;
    expect(nightly["continue-on-error"]).toBe(true);
    const fallback = build.steps.find((s) => s.id === "fallback")!;
    expect(fallback.if).toBe("steps.nightly.outcome == 'failure'");
    expect(fallback.run).toContain('git worktree add "$RUNNER_TEMP/last-deployed" last-deployed');
    // The entry point a plain host's failed night shares; it writes no report, so tonight's (why it failed) is the one kept.
    expect(fallback.run).toMatch(
      /git worktree add "\$RUNNER_TEMP\/last-deployed" last-deployed\n\s*npm run fallback -- --code "\$RUNNER_TEMP\/last-deployed" --out _site\n/,
    );
    expect(fallback.run).not.toContain("npm run nightly");
    expect(String(build.steps.find((s) => s.name === "Keep the report")!.with!.path).trim()).toBe("_site.report.json");
    expect(build.steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact"))!.if).toBe(
      "steps.nightly.outcome == 'success' || steps.fallback.outcome == 'success'",
    );
    expect(workflow.jobs.deploy!.if).toBe("needs.build.outputs.nightly == 'success' || needs.build.outputs.fallback == 'success'");
    const record = workflow.jobs.record!;
    expect(record.if).toBe("always()");
    const tag = record.steps.find((s) => s.run?.includes("git tag -f last-deployed"))!;
    expect(tag.if).toBe("needs.build.outputs.nightly == 'success' && needs.deploy.result == 'success'");
    const fail = record.steps.find((s) => s.if === "needs.build.outputs.nightly != 'success'")!;
    expect(fail.run).toMatch(/exit 1\s*$/);
    // The job that moves the tag can write to the repository (and is the only one: workflow-tokens.test.ts).
    expect(record.permissions).toEqual({ contents: "write" });
  });

  it("does not set a build date, so the clock in the job decides", () => {
    const text = JSON.stringify(workflow);
    expect(text).not.toMatch(/BUILD_DATE|SOURCE_DATE_EPOCH|allow-earlier-date/);
  });
});

describe("the CI workflow, on every change", () => {
  const ci = parse(readFileSync(path.join(PROJECT_ROOT, ".github", "workflows", "ci.yml"), "utf8")) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, Job>;
  };
  const steps = ci.jobs.check!.steps;

  it("runs on every push and pull request, read-only", () => {
    expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push"]);
    expect(ci.permissions).toEqual({});
    expect(ci.jobs.check!.permissions).toEqual({ contents: "read" });
  });

  it("installs, validates the data, runs the README's test command, and on failure says which test, page and rule", () => {
    const runs = steps.map((step) => step.run ?? step.uses ?? "");
    const order = [
      runs.findIndex((r) => r.startsWith("actions/checkout")),
      runs.indexOf("npm ci"),
      runs.indexOf("npm run validate"),
      runs.indexOf("npm test"),
      runs.findIndex((r) => r.includes("scripts/ci-summary.ts")),
    ];
    expect(
      order.every((i) => i >= 0),
      JSON.stringify(runs),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(steps[order[4]!]!.if).toBe("failure()");
    expect(steps[order[4]!]!.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });
});

describe("the nightly workflow on GitHub Pages", () => {
  it("takes the site's address, and so a project site's path, from the Pages configuration", () => {
    // Read in a job of its own, the only one that may read the Pages settings; the build job only reads the code.
    const address = workflow.jobs.address!;
    const pages = address.steps.find((s) => s.id === "pages")!;
    expect(pages.uses).toMatch(/^actions\/configure-pages@/);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template literal.
    expect(address.outputs?.base_url).toBe("${{ steps.pages.outputs.base_url }}");
    expect(build.needs).toBe("address");
    for (const id of ["nightly", "fallback"]) {
      const step = build.steps.find((s) => s.id === id)! as Step & { env?: Record<string, string> };
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template literal.
      expect(step.env?.SITE_URL, id).toBe("${{ needs.address.outputs.base_url }}");
    }
  });
});
