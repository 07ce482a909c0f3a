import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./helpers/site.ts";

describe("the nightly workflow", () => {
  const workflow = readFileSync(path.join(PROJECT_ROOT, ".github", "workflows", "nightly.yml"), "utf8");
  it("runs at 02:00 UTC and on demand", () => {
    expect(workflow).toMatch(/schedule:\n\s+- cron: "0 2 \* \* \*"/);
    expect(workflow).toMatch(/\n\s+workflow_dispatch:/);
  });
  it("installs, installs Chromium, runs the nightly job, keeps the report and deploys to Pages, in that order", () => {
    const steps = ["npm ci", "apt-get install -y -qq chromium", "npm run nightly", "_site.report.json", "actions/upload-pages-artifact", "actions/deploy-pages"].map((s) => workflow.indexOf(s));
    expect(steps.every((i) => i > 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual([steps[1], steps[0], ...steps.slice(2)]);
  });
  it("does not set a build date, so the clock in the job decides", () => {
    expect(workflow).not.toMatch(/BUILD_DATE|SOURCE_DATE_EPOCH/);
  });
});
