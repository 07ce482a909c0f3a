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
      stepIndex((s) => s.with?.path === "_site.report.json"),
      stepIndex((s) => s.uses?.startsWith("actions/upload-pages-artifact") ?? false),
    ];
    expect(order.every((i) => i >= 0), JSON.stringify(order)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(workflow.jobs.deploy!.needs).toBe("build");
    expect(workflow.jobs.deploy!.steps.some((s) => s.uses?.startsWith("actions/deploy-pages"))).toBe(true);
  });

  it("on a failed night, rebuilds the last deployed commit at today's date, deploys it, and still fails the run", () => {
    const nightly = build.steps.find((s) => s.id === "nightly")!;
    expect(nightly["continue-on-error"]).toBe(true);
    const fallback = build.steps.find((s) => s.id === "fallback")!;
    expect(fallback.if).toBe("steps.nightly.outcome == 'failure'");
    expect(fallback.run).toContain("git worktree add \"$RUNNER_TEMP/last-deployed\" last-deployed");
    expect(fallback.run).toMatch(/npm ci\n\s*npm run nightly -- --out "\$GITHUB_WORKSPACE\/_site"/);
    expect(build.steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact"))!.if).toBe("steps.nightly.outcome == 'success' || steps.fallback.outcome == 'success'");
    expect(workflow.jobs.deploy!.if).toBe("needs.build.outputs.nightly == 'success' || needs.build.outputs.fallback == 'success'");
    const record = workflow.jobs.record!;
    expect(record.if).toBe("always()");
    const tag = record.steps.find((s) => s.run?.includes("git tag -f last-deployed"))!;
    expect(tag.if).toBe("needs.build.outputs.nightly == 'success' && needs.deploy.result == 'success'");
    const fail = record.steps.find((s) => s.if === "needs.build.outputs.nightly != 'success'")!;
    expect(fail.run).toMatch(/exit 1\s*$/);
    expect(workflow.permissions.contents).toBe("write");
  });

  it("does not set a build date, so the clock in the job decides", () => {
    const text = JSON.stringify(workflow);
    expect(text).not.toMatch(/BUILD_DATE|SOURCE_DATE_EPOCH|allow-earlier-date/);
  });
});
