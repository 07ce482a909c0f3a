/**
 * Reads PDFs in a process of its own, so that pdfjs and what it held are given
 * back before Eleventy runs (at 10,000 reviews with no document cache, about
 * 200 MiB of the build's peak). Run by `readPdfsElsewhere`: the files' paths as
 * JSON on standard input, their facts (or why one cannot be read) as JSON on
 * standard output, in the same order.
 */
import { readFileSync } from "node:fs";
import { readPdfFacts, UnreadablePdf } from "./pdf-facts.ts";

const files = JSON.parse(readFileSync(0, "utf8")) as string[];
const out: ({ facts: unknown } | { unreadable: string })[] = [];
for (const file of files) {
  try {
    out.push({ facts: await readPdfFacts(readFileSync(file)) });
  } catch (error) {
    if (!(error instanceof UnreadablePdf)) throw error;
    out.push({ unreadable: error.message });
  }
}
process.stdout.write(JSON.stringify(out));
