/** File types this site publishes, with the name a visitor recognises (as GOV.UK names attachments). */
const FORMATS: Record<string, string> = {
  pdf: "PDF",
  docx: "Word document",
  doc: "Word document",
  odt: "OpenDocument text",
  rtf: "Rich Text Format",
  xlsx: "Excel spreadsheet",
  csv: "CSV",
  pptx: "PowerPoint presentation",
  txt: "Plain text",
  md: "HTML",
};

/** The file name endings a document may have. */
export const DOCUMENT_EXTENSIONS = Object.keys(FORMATS);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** The format of a file from its name (`"PDF"`), or undefined for a type the site does not publish. */
export function documentFormat(fileName: string): string | undefined {
  return FORMATS[extensionOf(fileName)];
}
