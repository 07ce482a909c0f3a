/**
 * The editor's sign-in page, as the partnership's officers meet it: the editor built alone (`npm run build:editor`)
 * and served as a deployer serves it, over HTTPS at an address that is not this computer (`editor.example`, mapped
 * to 127.0.0.1 in Chromium, with a certificate made here), and at 127.0.0.1 as under `npm start`. GitHub is never
 * reached: its API's answers (a refused token, no network) are played by the browser itself (Playwright's routes).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import sirv from "sirv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromeLaunchConfig } from "../../src/checks/chromium.ts";
import { serveStatic, type StaticServer } from "../../src/checks/static-server.ts";
import { fixtureProject } from "../helpers/fixture-project.ts";
import { fixtureReviews, fixtureSite } from "../helpers/site.ts";
import { temporaryFolder } from "../helpers/temporary.ts";
import { SCREENSHOTS } from "../helpers/browser.ts";

const site = { ...(fixtureSite() as { partnership: { name: string } }), cms: { repo: "northshire-scp/reviews" } };
let local: StaticServer;
let https: Server;
let publicUrl: string;
let browser: Browser;

/** A self-signed certificate for editor.example, made here (openssl), for the HTTPS server. */
function certificate(): { key: Buffer; cert: Buffer } {
  const dir = temporaryFolder("lr-cert-");
  const [key, cert] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=editor.example"], {
    stdio: "ignore",
  });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

beforeAll(async () => {
  const project = fixtureProject({ reviews: fixtureReviews(), site });
  expect((await project.run("schema")).code).toBe(0);
  const out = path.join(project.root, "_editor");
  const built = await project.run("build-editor", ["--out", out]);
  expect(built.code, built.stderr).toBe(0);
  local = await serveStatic(out);
  https = createServer(certificate(), sirv(out, { dev: true, extensions: ["html"] }));
  await new Promise<void>((resolve) => https.listen(0, "127.0.0.1", resolve));
  publicUrl = `https://editor.example:${(https.address() as AddressInfo).port}/`;
  const launch = chromeLaunchConfig();
  browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), "--host-resolver-rules=MAP editor.example 127.0.0.1"] });
});
afterAll(async () => {
  await browser?.close();
  await local?.close();
  await new Promise((resolve) => https?.close(resolve));
});

/** A new page, and every error it reports: on the console (a Content-Security-Policy violation is one), as a violation event, or uncaught. */
async function pageWithErrors(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } })).newPage();
  const errors: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}

/** The sign-in page's buttons, in order. */
async function signInButtons(page: Page): Promise<string[]> {
  const token = page.getByRole("button", { name: "Sign In Using Access Token" });
  await token.waitFor({ timeout: 20_000 });
  return (await page.getByRole("button").allTextContents()).map((text) => text.trim()).filter(Boolean);
}

/** Sign in with `token` in Sveltia's dialog, and the message the page then shows. */
async function signInWith(page: Page, token: string): Promise<string> {
  await page.getByRole("button", { name: "Sign In Using Access Token" }).click();
  await page.getByRole("textbox", { name: /access token/i }).fill(token);
  await page.getByRole("button", { name: "Sign In", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: /GitHub/ });
  await alert.first().waitFor({ timeout: 20_000 });
  return (await alert.first().textContent()) ?? "";
}

describe("the editor's sign-in page at its public address", () => {
  it("names the partnership, says how to sign in, offers the token sign-in only, and reports no error at all", async () => {
    const { page, errors } = await pageWithErrors();
    await page.goto(publicUrl);
    expect(await signInButtons(page)).toEqual(["Sign In Using Access Token"]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(site.partnership.name);
    const help = page.locator("#sign-in-help");
    expect(await help.getByRole("heading", { name: "How to sign in" }).count()).toBe(1);
    expect(await help.textContent()).toMatch(/choose “Sign In Using Access Token”.*Contents: read and write/s);
    expect(await help.textContent()).not.toMatch(/Local Repository|Sign In with GitHub/);
    // Sveltia's update check (unpkg.com) and GitHub's status page are never asked, so nothing is blocked.
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: path.join(SCREENSHOTS, "admin-0-sign-in.png") });
    expect(errors).toEqual([]);
  });

  it("says what to check when GitHub refuses the token, not Sveltia's words", async () => {
    const { page } = await pageWithErrors();
    await page.route("https://api.github.com/**", (route) =>
      route.fulfill({ status: 401, contentType: "application/json", body: JSON.stringify({ message: "Bad credentials" }) }),
    );
    await page.goto(publicUrl);
    await signInButtons(page);
    const said = await signInWith(page, "github_pat_not_a_real_one");
    expect(said).toMatch(/GitHub did not accept this access token/);
    expect(said).toMatch(/expired/);
    expect(said).toMatch(/Contents: read and write/);
    expect(said).not.toMatch(/Failed to fetch/);
  });

  it('says to check the connection when GitHub cannot be reached, not "Failed to fetch"', async () => {
    const { page } = await pageWithErrors();
    await page.route("https://api.github.com/**", (route) => route.abort("internetdisconnected"));
    await page.goto(publicUrl);
    await signInButtons(page);
    const said = await signInWith(page, "github_pat_any");
    expect(said).toMatch(/Could not reach GitHub/);
    expect(said).toMatch(/connected to the internet/);
    expect(said).not.toMatch(/Failed to fetch/);
  });
});

describe("the editor's sign-in page on this computer (127.0.0.1, as under npm start)", () => {
  it("offers the local repository, then the token, says how to use each, and reports no error at all", async () => {
    const { page, errors } = await pageWithErrors();
    await page.goto(`${local.url}/`);
    expect(await signInButtons(page)).toEqual(["Work with Local Repository", "Sign In Using Access Token"]);
    expect(await page.locator("#sign-in-help").textContent()).toMatch(/Work with Local Repository/);
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
  });
});
