/**
 * Writes a synthetic, deterministic data set of N reviews into a folder, for the
 * benchmark: `_data/reviews.json`, `_data/site.json` (the sample's) and
 * `reviews/<id>/` documents. Same seed and N, same files.
 *
 *   npx tsx tools/generate-reviews.ts --count 1000 --out /tmp/reviews-1000 [--seed 42]
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { onePagePdf } from "./one-page-pdf.ts";

const AREAS = ["blackburn-with-darwen", "blackpool", "lancashire", "pan-lancashire"];
const THEMES = [
  "neglect",
  "domestic abuse",
  "safe sleep",
  "non-accidental injury",
  "criminal exploitation",
  "child sexual exploitation",
  "mental health",
  "self-harm",
  "parental substance misuse",
  "information sharing",
  "voice of the child",
  "professional curiosity",
  "unseen men",
  "disabled children",
  "education",
  "transitions",
  "missing from home",
  "online harm",
  "was not brought",
  "child protection planning",
  "physical abuse",
  "child sexual abuse",
  "housing",
  "poverty",
  "bruising in non-mobile babies",
  "fabricated or induced illness",
  "elective home education",
  "private fostering",
  "young carers",
  "bullying",
];
const WORDS =
  "agencies shared information about the family and professionals did not always see the child; the review asks how practitioners can work together, record concerns, escalate when plans drift, and hear what children say about their lives at home and at school".split(
    " ",
  );
/** A small one-page PDF with a few lines of text, so that the build reads it and search indexes its text as it would a real report. */
function tinyPdf(lines: string[]): string {
  return onePagePdf(lines, { size: 11, leading: 16 });
}

const DAY = 24 * 60 * 60 * 1000;

/** An executive summary in Markdown, published as a page: headings (for its contents list), paragraphs and a list. */
export function markdownDocument(id: string): string {
  return `## About this summary\n\nSynthetic executive summary of review ${id}, written for the benchmark.\n\n## Findings\n\nAgencies held part of the picture but did not share it.\n\n- Information was not shared when it mattered.\n- The child's voice was not heard.\n\n## Recommendations\n\nThe partnership should check that its escalation policy is used.\n`;
}

/** A small, fast, seeded generator (mulberry32): the same seed always gives the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateReviews(count: number, seed = 42): { reviews: Record<string, unknown>[]; documents: string[] } {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const reviews: Record<string, unknown>[] = [];
  const documents: string[] = [];
  const start = Date.UTC(2015, 0, 1);
  const span = Date.UTC(2026, 10, 20) - start;
  for (let i = 0; i < count; i++) {
    const id = `review-${String(i + 1).padStart(5, "0")}`;
    const type = rand() < 0.7 ? "CSPR" : "SCR";
    const roll = rand();
    const status = roll < 0.8 ? "published" : roll < 0.9 ? "withheld" : "delayed";
    // About 2% are dated after the bench's build date (2026-11-26): scheduled, not yet on the site.
    const scheduled = rand() < 0.02;
    const date = scheduled ? Date.UTC(2026, 11, 1) + Math.floor(rand() * 90) * DAY : start + Math.floor(rand() * span);
    const published = status === "delayed" && !scheduled && rand() < 0.5 ? undefined : new Date(date).toISOString().slice(0, 10);
    const themes = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(THEMES)))];
    const sentence = () => Array.from({ length: 12 + Math.floor(rand() * 12) }, () => pick(WORDS)).join(" ");
    const summary = `${sentence()}.\n\n**Key learning:**\n\n- ${sentence()}.\n- ${sentence()}.`;
    const docs: Record<string, string>[] = [];
    if (rand() < 0.3) {
      const kind = status === "withheld" ? "learning-brief" : "overview-report";
      docs.push({ kind, title: kind === "learning-brief" ? "Learning brief" : "Overview report", file: `${kind}.pdf` });
      documents.push(`${id}/${kind}.pdf`);
    }
    // About 10% publish an executive summary in Markdown (an HTML version, a page of its own), 5% link to a response elsewhere.
    if (status === "published" && rand() < 0.1) {
      docs.push({ kind: "executive-summary", title: "Executive summary", file: "executive-summary.md" });
      documents.push(`${id}/executive-summary.md`);
    }
    if (rand() < 0.05)
      docs.push({
        kind: "response",
        title: "Response from the Department for Education",
        url: "https://www.gov.uk/government/organisations/department-for-education",
      });
    reviews.push({
      id,
      title: `Child ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) || ""}`,
      type,
      area: pick(AREAS),
      status,
      ...(published ? { published } : {}),
      summary,
      themes,
      ...(docs.length ? { documents: docs } : {}),
    });
  }
  return { reviews, documents };
}

/** Write a generated data set into `out` (a content root: `_data/` and `reviews/`). */
export function writeDataSet(out: string, count: number, seed = 42): void {
  const { reviews, documents } = generateReviews(count, seed);
  mkdirSync(path.join(out, "_data"), { recursive: true });
  writeFileSync(path.join(out, "_data", "reviews.json"), JSON.stringify(reviews, null, 1));
  copyFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "_data", "site.json"), path.join(out, "_data", "site.json"));
  for (const doc of documents) {
    mkdirSync(path.join(out, "reviews", path.dirname(doc)), { recursive: true });
    const [id, file] = doc.split("/");
    if (file!.endsWith(".md")) {
      writeFileSync(path.join(out, "reviews", doc), markdownDocument(id!));
      continue;
    }
    writeFileSync(
      path.join(out, "reviews", doc),
      tinyPdf([
        `Synthetic report ${file} of review ${id}.`,
        "The panel found that agencies held part of the picture but did not share it.",
        `Reference ${id.replace(/-/g, " ")} practice learning.`,
      ]),
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { count: { type: "string" }, out: { type: "string" }, seed: { type: "string", default: "42" } } });
  if (!values.count || !values.out) {
    console.error("Usage: npx tsx tools/generate-reviews.ts --count N --out DIR [--seed 42]");
    process.exit(2);
  }
  writeDataSet(values.out, Number(values.count), Number(values.seed));
  console.log(`Wrote ${values.count} reviews to ${values.out}.`);
}
