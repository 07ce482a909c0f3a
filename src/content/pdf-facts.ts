import type { PdfFacts } from "../model/review.ts";

/**
 * What the build reads from a PDF: its page count, title, language, whether it
 * is tagged (a structure tree and `MarkInfo /Marked true`) and its text, with
 * pdfjs-dist's Node build. Reading is bounded: the document's catalogue and
 * information, the first page's structure tree, and text from at most
 * TEXT_LIMITS.pages pages or TEXT_LIMITS.characters characters, whichever
 * comes first, so a report of hundreds of pages costs no more than one of fifty.
 */

/** How much text is read from one PDF for search and the "has text" check. */
export const TEXT_LIMITS = { pages: 60, characters: 200_000 } as const;

/** Thrown when a file that claims to be a PDF cannot be read; the message says why, in a maintainer's words. */
export class UnreadablePdf extends Error {
  override name = "UnreadablePdf";
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | undefined;

/** Loaded on first use: validation of data without PDFs never pays for it. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjs;
}

/** Whether the bytes start like a PDF and end with its end-of-file marker (a file cut short in copying has none). */
function shapeProblem(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) return "it is not a PDF (it does not start with %PDF-): check that the right file was saved with this name.";
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString("latin1");
  if (!tail.includes("%%EOF")) return "it is cut short (it has no end-of-file marker): copy or export the file again.";
  return undefined;
}

function textOf(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

/** Read the facts of one PDF. Throws UnreadablePdf when it cannot be read. */
export async function readPdfFacts(bytes: Uint8Array): Promise<PdfFacts> {
  const shape = shapeProblem(bytes);
  if (shape) throw new UnreadablePdf(shape);
  const { getDocument } = await loadPdfJs();
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: true,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as Error).name;
    if (name === "PasswordException") throw new UnreadablePdf("it is encrypted with a password, so its text cannot be read: save it again without a password.");
    if (name === "InvalidPDFException") throw new UnreadablePdf(`it is damaged and cannot be read (${(error as Error).message}): export it again.`);
    throw new UnreadablePdf(`it cannot be read (${(error as Error).message}): export it again.`);
  }
  try {
    if (doc.numPages === 0) throw new UnreadablePdf("it has no pages: export it again.");
    const { info, metadata } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown>; metadata: { get(name: string): unknown } | null };
    const markInfo = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
    const first = await doc.getPage(1);
    const structTree = markInfo?.Marked === true ? await first.getStructTree() : null;
    const parts: string[] = [];
    let characters = 0;
    for (let n = 1; n <= Math.min(doc.numPages, TEXT_LIMITS.pages) && characters < TEXT_LIMITS.characters; n++) {
      const page = n === 1 ? first : await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
        .join("")
        .replace(/[ \t]+/g, " ")
        .trim();
      page.cleanup();
      if (text) {
        parts.push(text);
        characters += text.length + 2;
      }
    }
    const text = parts.join("\n\n").slice(0, TEXT_LIMITS.characters);
    return {
      format: "pdf",
      pages: doc.numPages,
      title: textOf(info.Title) ?? textOf(metadata?.get("dc:title")),
      language: textOf(info.Language),
      tagged: markInfo?.Marked === true && structTree !== null,
      hasText: /\p{L}/u.test(text),
      text,
    };
  } catch (error) {
    if (error instanceof UnreadablePdf) throw error;
    throw new UnreadablePdf(`it cannot be read (${(error as Error).message}): export it again.`);
  } finally {
    await doc.destroy();
  }
}
