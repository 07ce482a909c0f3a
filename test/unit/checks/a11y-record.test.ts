import { describe, expect, it } from "vitest";
import { fullCheckFile, plannedCheck } from "../../../src/checks/a11y-record.ts";

describe("the accessibility check the nightly plans before it builds", () => {
  const browser = () => true;
  const noBrowser = () => false;

  it("is the scope asked for (a sample by default) when the check will run", () => {
    expect(plannedCheck({ a11y: "auto" }, browser)).toBe("changed");
    expect(plannedCheck({ a11y: "always", a11yScope: "all" }, noBrowser)).toBe("all");
    expect(plannedCheck({ a11y: "auto", a11yScope: "all" }, browser)).toBe("all");
  });

  it("is none when told not to check, or when 'auto' finds no browser (the check is then skipped)", () => {
    expect(plannedCheck({ a11y: "never", a11yScope: "all" }, browser)).toBeUndefined();
    expect(plannedCheck({ a11y: "auto", a11yScope: "all" }, noBrowser)).toBeUndefined();
  });
});

describe("where the last check of every page is recorded", () => {
  it("is beside the published output, never inside it", () => {
    expect(fullCheckFile("/srv/reviews/_site")).toBe("/srv/reviews/_site.a11y-check.json");
    expect(fullCheckFile("/srv/reviews/_site/")).toBe("/srv/reviews/_site.a11y-check.json");
  });
});
