/**
 * `npm run setup`: a new partnership's first hour. Asks for (or takes as options) the partnership's name, short
 * name, address, areas, contact and how long SCRs stay; writes `_data/site.json`; replaces the sample reviews and
 * documents with one clearly fictional example; rewrites the schemas and the editor's settings (`npm run schema`);
 * and ends with the next three steps. Nothing is written unless every answer is valid.
 *
 *   npm run setup                      (asks each question)
 *   npm run setup -- --name "…" --short-name "…" --url https://… --areas "A, B" --team "…" --email … --phone … \
 *                    --retention-months 12 [--repo owner/name] --replace
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { EXAMPLE_DOCUMENT, exampleReview, newSiteSettings, QUESTIONS, type SetupAnswers } from "../src/content/new-partnership.ts";
import { contentPaths } from "../src/content/paths.ts";
import { formatProblems } from "../src/model/problems.ts";
import { todayInLondon } from "../src/rules/build-date.ts";

const options = Object.fromEntries(QUESTIONS.map((q) => [q.option, { type: "string" as const }]));
const { values } = parseArgs({ options: { ...options, replace: { type: "boolean", default: false }, help: { type: "boolean", default: false } } });
if (values.help) {
  console.log(
    `npm run setup -- ${QUESTIONS.map((q) => `--${q.option} …`).join(" ")} [--replace]\n${QUESTIONS.map((q) => `  --${q.option}: ${q.ask}`).join("\n")}`,
  );
  process.exit(0);
}

const paths = contentPaths();
const interactive = process.stdin.isTTY === true;
const prompt = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
const given = values as Record<string, string | boolean | undefined>;
const raw: Record<string, string> = {};
const missing: string[] = [];
for (const question of QUESTIONS) {
  let answer = typeof given[question.option] === "string" ? (given[question.option] as string) : undefined;
  if (answer === undefined && prompt) answer = await prompt.question(`${question.ask}: `);
  if (answer === undefined && question.key !== "repo") missing.push(`--${question.option} (${question.ask})`);
  raw[question.key] = answer ?? "";
}
if (missing.length) {
  console.error(
    `npm run setup needs these answers, given as options when it is not run in a terminal:\n${missing.map((m) => `  ${m}`).join("\n")}\nNothing was changed.`,
  );
  process.exit(1);
}
const months = Number(raw.retentionMonths);
const answers: SetupAnswers = {
  name: raw.name!,
  shortName: raw.shortName!,
  url: raw.url!,
  areas: raw.areas!.split(","),
  team: raw.team!,
  email: raw.email!,
  phone: raw.phone!,
  retentionMonths: Number.isInteger(months) && raw.retentionMonths!.trim() !== "" ? months : Number.NaN,
  ...(raw.repo?.trim() ? { repo: raw.repo } : {}),
};
const today = todayInLondon();
const { site, problems } = newSiteSettings(answers, today);
if (!site) {
  console.error(
    `${formatProblems(problems, "error").replace(/^\d+ problems?:/, (head) => `The answers have ${head.replace(":", "")}:`)}\nNothing was changed. Run npm run setup again with those answers corrected.`,
  );
  process.exit(1);
}

// The reviews there now are replaced: say so, and do it only when asked, so that a partnership's own reviews are never lost by accident.
let existing: { id?: string }[] = [];
try {
  existing = JSON.parse(readFileSync(paths.reviewsFile, "utf8")) as { id?: string }[];
} catch {}
const others = Array.isArray(existing) ? existing.filter((review) => review?.id !== "example-review") : [];
if (others.length && !values.replace) {
  const ok =
    prompt &&
    /^y(es)?$/i.test(
      (
        await prompt.question(
          `_data/reviews.json lists ${others.length} reviews (${others
            .slice(0, 3)
            .map((r) => r.id)
            .join(", ")}…). Replace them, and every folder in reviews/, with one fictional example? (y/N) `,
        )
      ).trim(),
    );
  if (!ok) {
    console.error(
      `_data/reviews.json lists ${others.length} reviews (e.g. ${others[0]?.id}). npm run setup replaces them, and every document folder in reviews/, with one fictional example. ` +
        "If that is what you want (you are starting from the sample site), run it again with --replace. Nothing was changed.",
    );
    process.exit(1);
  }
}
prompt?.close();

const areaKey = Object.keys(site.areas as Record<string, string>)[0]!;
writeFileSync(paths.siteFile, `${JSON.stringify(site, null, 2)}\n`);
writeFileSync(paths.reviewsFile, `${JSON.stringify([exampleReview(areaKey, today)], null, 2)}\n`);
if (existsSync(paths.reviewsDir))
  for (const entry of readdirSync(paths.reviewsDir)) rmSync(path.join(paths.reviewsDir, entry), { recursive: true, force: true });
mkdirSync(path.join(paths.reviewsDir, "example-review"), { recursive: true });
writeFileSync(path.join(paths.reviewsDir, "example-review", "overview-report.md"), EXAMPLE_DOCUMENT);
rmSync(path.join(paths.root, ".cache"), { recursive: true, force: true });
const schema = spawnSync(process.execPath, ["--import", "tsx", "scripts/schema.ts"], { cwd: paths.root, stdio: "inherit" });
if (schema.status !== 0) {
  console.error("The settings were written, but the schemas could not be rewritten: run npm run schema and read what it says.");
  process.exit(1);
}
console.log(`
Set up ${answers.name}: _data/site.json, one fictional example review (reviews/example-review/) and the schemas are written.
Next:
  1. Look at your site: npm start, then open the address it prints.
  2. Replace the example with your first real review, in the editor or in _data/reviews.json (docs/maintainers.md),
     and check the accessibility statement's settings in _data/site.json ("accessibility": docs/data-format.md).
  3. Publish it and rebuild it every night: docs/deploying.md (GitHub Pages or your own web server).`);
