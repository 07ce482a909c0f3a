import { describe, expect, it } from "vitest";
import { exampleReview, newSiteSettings, type SetupAnswers } from "../../../src/content/new-partnership.ts";
import { siteSchema } from "../../../src/model/site-settings.ts";
import { formatProblem } from "../../../src/model/problems.ts";

const answers: SetupAnswers = {
  name: "Northshire Safeguarding Children Partnership",
  shortName: "Northshire SCP",
  url: "https://www.northshire.example/reviews/",
  areas: ["Northshire", " Southvale ", "East & West Vale", ""],
  team: "the partnership's business support team",
  email: "reviews@northshire.example",
  phone: "01632 960 111",
  retentionMonths: 18,
};

describe("a new partnership's settings (npm run setup)", () => {
  it("makes settings the build accepts, with area keys made from the names and the areas in words", () => {
    const { site, problems } = newSiteSettings(answers, "2026-12-01");
    expect(problems).toEqual([]);
    expect(siteSchema.safeParse(site).success).toBe(true);
    expect(site?.areas).toEqual({ northshire: "Northshire", southvale: "Southvale", "east-and-west-vale": "East & West Vale" });
    expect(site?.partnership).toEqual({ name: answers.name, shortName: "Northshire SCP", areasServed: "Northshire, Southvale and East & West Vale" });
    expect(site?.url).toBe("https://www.northshire.example/reviews");
    expect(site?.retentionMonths).toBe(18);
    expect(site?.cms).toBeUndefined();
  });

  it("keeps the editor's repository only when one is given", () => {
    expect(newSiteSettings({ ...answers, repo: "northshire/reviews" }, "2026-12-01").site?.cms).toEqual({ repo: "northshire/reviews", branch: "main" });
  });

  it("says what to change for each bad answer, and makes no settings", () => {
    const { site, problems } = newSiteSettings(
      { ...answers, url: "http://insecure.example", areas: ["Vale", "vale", "!!"], retentionMonths: Number.NaN, email: " " },
      "2026-12-01",
    );
    expect(site).toBeUndefined();
    const said = problems.map(formatProblem).join("\n");
    expect(said).toContain('the areas "Vale" and "vale" would share the key "vale"');
    expect(said).toContain('the area "!!" has no letters or digits');
    expect(said).toMatch(/field "url": expected the site's public address, starting https:\/\//);
    expect(said).toMatch(/field "retentionMonths": expected a whole number of months/);
    expect(said).toMatch(/field "contact\.email"/);
  });

  it("asks for at least one area", () => {
    expect(
      newSiteSettings({ ...answers, areas: [" ", ""] }, "2026-12-01")
        .problems.map(formatProblem)
        .join("\n"),
    ).toContain("give at least one area");
  });

  it("keeps hostile names as text for the build to escape, and the statement claims no manual test", () => {
    const { site } = newSiteSettings({ ...answers, name: '<script>alert("x")</script> Partnership' }, "2026-12-01");
    expect((site!.partnership as { name: string }).name).toBe('<script>alert("x")</script> Partnership');
    expect((site!.accessibility as { testedBy: string }).testedBy).toContain("no manual check");
  });

  it("the example review says it is fictional in its title and summary, in the first area, published today", () => {
    const review = exampleReview("northshire", "2026-12-01");
    expect(review.title).toMatch(/fictional/i);
    expect(review.summary).toMatch(/fictional example/i);
    expect(review).toMatchObject({ area: "northshire", published: "2026-12-01", type: "CSPR", status: "published" });
  });
});
