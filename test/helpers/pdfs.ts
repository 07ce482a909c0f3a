import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";

/**
 * PDFs made in code for tests of what the build reads from documents: any
 * number of pages with text, tagged or not, with or without title and language.
 */
export async function makePdf(options: { pages?: number; tagged?: boolean; title?: string; language?: string; lines?: string[] } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (options.title) pdf.setTitle(options.title);
  if (options.language) pdf.setLanguage(options.language);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= (options.pages ?? 1); n++) {
    const page = pdf.addPage([595, 842]);
    const lines = options.lines ?? Array.from({ length: 40 }, (_, l) => `Page ${n}, line ${l + 1}: what agencies knew and what they shared.`);
    for (const [l, line] of lines.entries()) page.drawText(line, { x: 56, y: 780 - l * 18, size: 10, font });
  }
  if (options.tagged) {
    // What a tagged PDF has: MarkInfo /Marked true and a structure tree (a document element, with the pages' marked content).
    pdf.catalog.set(PDFName.of("MarkInfo"), pdf.context.obj({ Marked: true }));
    const root = pdf.context.nextRef();
    const documentElement = pdf.context.register(pdf.context.obj({ Type: "StructElem", S: "Document", P: root, K: [] }));
    pdf.context.assign(root, pdf.context.obj({ Type: "StructTreeRoot", K: [documentElement] }));
    pdf.catalog.set(PDFName.of("StructTreeRoot"), root);
  }
  return pdf.save({ useObjectStreams: false });
}

/** A PDF with no pages at all. */
export async function emptyPdf(): Promise<Uint8Array> {
  // pdf-lib adds a blank page to a document with none unless told not to.
  return (await PDFDocument.create()).save({ addDefaultPage: false });
}

/**
 * A PDF encrypted with a user password (RC4, revision 2): its /U entry is not
 * the empty password's, so a reader must ask for one and cannot read its text.
 */
export async function encryptedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const encrypt = pdf.context.register(
    pdf.context.obj({ Filter: "Standard", V: 1, R: 2, Length: 40, P: -4, O: PDFString.of("x".repeat(32)), U: PDFString.of("y".repeat(32)) }),
  );
  pdf.context.trailerInfo.Encrypt = encrypt;
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFString.of("0123456789abcdef"), PDFString.of("0123456789abcdef")]);
  return pdf.save({ useObjectStreams: false });
}
