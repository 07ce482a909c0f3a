/**
 * `npm start` with a data error: the preview (Eleventy's dev server, started here on 127.0.0.1 in a fixture
 * project, the way `npm start` starts it) shows the problem in the browser as well as in the terminal, in the
 * build's words and without a stack trace; once the data is fixed, the site comes back; and so again when the data
 * breaks while it runs.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureProject } from "../helpers/fixture-project.ts";
import { fixtureReviews } from "../helpers/site.ts";
import { documentsOf } from "../helpers/documents.ts";

const reviews = fixtureReviews();
const good = reviews[0]!;
// The first review's title gone, and its date impossible (30 February): two problems, each with its review and field.
const broken = [{ ...good, title: "", published: "2026-02-30" }, ...reviews.slice(1)];

let child: ChildProcess | undefined;
let output = "";
function stopPreview(): void {
  if (child?.exitCode === null) child.kill();
}
afterAll(stopPreview);

/** Start `npm start`'s command in `root`, and resolve with the address it says it serves at. */
function startPreview(root: string): Promise<string> {
  // The command of package.json's "start"; a port of its own, so that tests running at once do not meet.
  const port = String(18_000 + Math.floor(Math.random() * 2000));
  child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", `--port=${port}`], {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", BUILD_DATE: "2026-11-26" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      // Eleventy says "localhost"; the preview listens on 127.0.0.1 only.
      const at = /Server at http:\/\/[^/\s]+:(\d+)\//.exec(output);
      if (at) resolve(`http://127.0.0.1:${at[1]}`);
    };
    child!.stdout!.on("data", seen);
    child!.stderr!.on("data", seen);
    child!.once("exit", (code) => reject(new Error(`npm start's command ended (${code}) before serving:\n${output}`)));
  });
}

/**
 * Fetch `address` until `until` holds of its text (the preview rebuilds after a change to the data). `write`, when
 * given, writes the data again every 5 seconds while it waits, as a maintainer saving again would: a change made
 * just as the watcher starts (on a loaded machine) can be missed by it, which is not what this test is about.
 */
async function fetchUntil(address: string, until: (text: string) => boolean, write?: () => void): Promise<{ status: number; text: string }> {
  let last = { status: 0, text: "" };
  for (let tries = 0; tries < 240; tries++) {
    const response = await fetch(address);
    last = { status: response.status, text: await response.text() };
    if (until(last.text)) return last;
    if (write && tries % 20 === 19) write();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return last;
}

describe("npm start with a data error", () => {
  it("shows the problem on every page of the preview, by review and field without a stack trace, and the site again once the data is fixed", async () => {
    const project = fixtureProject({ reviews: broken, files: documentsOf(reviews) });
    const url = await startPreview(project.root);

    const home = await fetchUntil(`${url}/`, (text) => text.includes("could not be rebuilt"));
    expect(home.status).toBe(500);
    expect(home.text).toContain("The preview could not be rebuilt");
    expect(home.text).toContain(`review &quot;${good.id}&quot;, field &quot;title&quot;`);
    expect(home.text).toContain(`review &quot;${good.id}&quot;, field &quot;published&quot;`);
    expect(home.text).toContain("_data/reviews.json");
    expect(home.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
    // Any page of the old site says the same, rather than show what is no longer true.
    const review = await fetchUntil(`${url}/reviews/${reviews[1]!.id}/`, (text) => text.includes("could not be rebuilt"));
    expect(review.text).toContain("The preview could not be rebuilt");
    // The terminal says it too, without Node's stack trace.
    expect(output).toContain(`review "${good.id}", field "title"`);
    expect(output).not.toMatch(/Original error stack trace|\n\s+at .*:\d+:\d+\)?\n/);

    const fix = () => project.writeReviews(reviews);
    fix();
    const fixed = await fetchUntil(`${url}/`, (text) => text.includes(`href="/reviews/${good.id}/"`), fix);
    expect(fixed.status).toBe(200);
    expect(fixed.text).toContain(`href="/reviews/${good.id}/"`);
    expect(fixed.text).not.toContain("could not be rebuilt");

    // Broken again while the preview runs (after a build that worked, once it watches the files): the same, and back once fixed.
    await expect.poll(() => output.includes("Watching"), { timeout: 60_000 }).toBe(true);
    const breakAgain = () => project.writeReviews([reviews[0], { ...reviews[1]!, title: "" }, ...reviews.slice(2)]);
    breakAgain();
    const again = await fetchUntil(`${url}/`, (text) => text.includes("could not be rebuilt"), breakAgain);
    expect(again.status, output).toBe(500);
    expect(again.text).toContain(`review &quot;${reviews[1]!.id}&quot;, field &quot;title&quot;`);
    const fixAgain = () => project.writeReviews(reviews);
    fixAgain();
    const back = await fetchUntil(`${url}/`, (text) => !text.includes("could not be rebuilt"), fixAgain);
    expect(back.status).toBe(200);
    stopPreview();
  });
});
