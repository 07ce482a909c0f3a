import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { headingSkips } from "./heading-skips.ts";
import { documentFolder, type DocumentFacts, type PdfFacts, type Review } from "../model/review.ts";
import { pdfShortfalls, shortfallText } from "../rules/document-accessibility.ts";
import { withheldPdfTitleMessage } from "./document-files.ts";
import { UnreadablePdf } from "./pdf-facts.ts";
import { readPdfsElsewhere } from "./pdf-elsewhere.ts";
import type { Problem } from "../model/problems.ts";

/**
 * The data edge for what is inside document files: each PDF's facts (pages,
 * title, language, tags, text) and each Markdown document's source, added to
 * the validated reviews; an unreadable PDF, or a withheld review's PDF whose own
 * title names the overview report, is an error, an inaccessible one or
 * a Markdown document whose headings skip a level a warning. PDF facts are
 * cached by the file's SHA-256 in a file outside the site (`.cache/document-facts.json`),
 * so a nightly does not read unchanged files again.
 */

/** Bumped when what is read from a PDF changes, so old cache entries are not used. */
const CACHE_VERSION = 1;

export interface FactsOptions {
  /** The folder that holds `reviews/<id>/` and `reviews/uploads/`. */
  reviewsDir: string;
  /** The cache file; none when undefined. */
  cacheFile?: string;
  /** Reads one PDF in this process (a test seam); by default, the PDFs not in the cache are read in a child process, all at once. */
  readPdf?: (bytes: Uint8Array) => Promise<PdfFacts>;
}

export interface FactsResult {
  reviews: Review[];
  errors: Problem[];
  warnings: Problem[];
}

type Cache = Record<string, PdfFacts>;

function loadCache(file: string | undefined): Cache {
  if (!file) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { version?: number; entries?: Cache };
    return parsed.version === CACHE_VERSION && parsed.entries ? parsed.entries : {};
  } catch {
    return {};
  }
}

/** Write the cache whole, through a temporary file, so a killed build never leaves half of it; a cache that cannot be written is only slower. */
function saveCache(file: string | undefined, entries: Cache): void {
  if (!file) return;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify({ version: CACHE_VERSION, entries }));
    renameSync(`${file}.${process.pid}.tmp`, file);
  } catch {
    // Not fatal: the next build reads the files again.
  }
}

/** The file's format as far as facts go: PDF, Markdown, or another the build does not look inside. */
function factsFormat(file: string): "pdf" | "markdown" | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === ".pdf" ? "pdf" : ext === ".md" ? "markdown" : undefined;
}

/** Add what is inside each PDF and Markdown document to the reviews, checking it as it goes. */
export async function addDocumentFacts(reviews: readonly Review[], options: FactsOptions): Promise<FactsResult> {
  const cache = loadCache(options.cacheFile);
  const { hashes, fresh } = await readUncachedPdfs(reviews, options, cache);
  const used: Cache = {};
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const out: Review[] = [];
  for (const review of reviews) {
    const documents: Review["documents"] = [];
    for (const [d, doc] of review.documents.entries()) {
      const format = "file" in doc ? factsFormat(doc.file) : undefined;
      if (!("file" in doc) || !format) {
        documents.push(doc);
        continue;
      }
      const folder = documentFolder(review.id, doc);
      const where = { file: `reviews/${folder}/${doc.file}`, review: `review "${review.id}"`, field: `documents[${d + 1}].file` };
      const file = path.join(options.reviewsDir, folder, doc.file);
      let facts: DocumentFacts;
      if (format === "markdown") {
        const source = readFileSync(file, "utf8");
        facts = { format, source };
        const skips = headingSkips(source);
        if (skips.length)
          warnings.push({
            ...where,
            message: `its headings skip a level (${skips.join("; ")}), which breaks the outline a screen reader offers: use ## for sections and ### under them.`,
          });
      } else {
        // Hashed already when the PDFs not in the cache were read elsewhere; read here only for the test seam.
        const bytes = hashes.has(file) ? undefined : readFileSync(file);
        const hash = hashes.get(file) ?? sha256(bytes!);
        const read = cache[hash] ?? fresh.get(hash) ?? (options.readPdf && bytes ? await options.readPdf(bytes).catch((error: unknown) => error) : undefined);
        if (read instanceof UnreadablePdf) {
          errors.push({ ...where, message: `this PDF cannot be published: ${read.message}` });
          continue;
        }
        if (read === undefined || read instanceof Error) throw read ?? new Error(`${where.file} was not read`);
        facts = read as PdfFacts;
        used[hash] = facts;
        // The withheld rule by the PDF's own title, checked on every build (cached facts too): its entry in the data may say otherwise.
        const overview = review.status === "withheld" ? withheldPdfTitleMessage(facts.title) : undefined;
        if (overview) {
          errors.push({ ...where, message: overview });
          continue;
        }
        const shortfalls = pdfShortfalls(facts);
        if (shortfalls.length)
          warnings.push({
            ...where,
            message: `this PDF is not accessible: it ${shortfallText(shortfalls)}. Export it again as a tagged PDF with a title and language, or publish an HTML version; the accessibility statement lists it until then.`,
          });
      }
      documents.push({ ...doc, facts });
    }
    out.push({ ...review, documents });
  }
  // Only the files in use are kept, so the cache never grows with files long gone.
  saveCache(options.cacheFile, used);
  return { reviews: out, errors, warnings };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Every PDF not in the cache, read in one child process (src/content/pdf-elsewhere.ts), by
 * hash; none when a test reads them in this process. Each file's hash is kept by its path,
 * so the caller, which reads the files again, need not hash them again (bytes are not held meanwhile).
 */
async function readUncachedPdfs(
  reviews: readonly Review[],
  options: FactsOptions,
  cache: Cache,
): Promise<{ hashes: Map<string, string>; fresh: Map<string, PdfFacts | UnreadablePdf> }> {
  const hashes = new Map<string, string>();
  const fresh = new Map<string, PdfFacts | UnreadablePdf>();
  if (options.readPdf) return { hashes, fresh };
  const pending = new Map<string, string>();
  for (const review of reviews)
    for (const doc of review.documents) {
      if (!("file" in doc) || factsFormat(doc.file) !== "pdf") continue;
      const file = path.join(options.reviewsDir, documentFolder(review.id, doc), doc.file);
      const hash = sha256(readFileSync(file));
      hashes.set(file, hash);
      if (!cache[hash] && !pending.has(hash)) pending.set(hash, file);
    }
  const read = await readPdfsElsewhere([...pending.values()]);
  for (const [i, hash] of [...pending.keys()].entries()) fresh.set(hash, read[i]!);
  return { hashes, fresh };
}

/** Where a project keeps the cache: outside the site and the data, ignored by git. */
export function factsCacheFile(root: string): string {
  return path.join(root, ".cache", "document-facts.json");
}
