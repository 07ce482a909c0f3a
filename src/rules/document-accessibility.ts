import type { PdfFacts } from "../model/review.ts";

/**
 * The accessibility audit of a PDF: what it lacks, each with the WCAG 2.2
 * success criterion it fails. One rule, used by validation (warnings), the
 * review page (the offer of an accessible format) and the accessibility statement.
 */
export interface Shortfall {
  /** What is missing, as a phrase after "it": `is not tagged`. */
  what: string;
  /** The WCAG success criterion, e.g. `1.3.1`. */
  criterion: string;
}

export function pdfShortfalls(facts: PdfFacts): Shortfall[] {
  const shortfalls: Shortfall[] = [];
  if (!facts.tagged) shortfalls.push({ what: "is not tagged, so a screen reader cannot tell its headings, lists and tables", criterion: "1.3.1" });
  if (!facts.title) shortfalls.push({ what: "has no title", criterion: "2.4.2" });
  if (!facts.language) shortfalls.push({ what: "has no language set", criterion: "3.1.1" });
  if (!facts.hasText) shortfalls.push({ what: "has no text that can be read aloud (it may be a scan)", criterion: "1.1.1" });
  return shortfalls;
}

/** The shortfalls as one sentence's worth: `is not tagged, …, and has no title`. */
export function shortfallText(shortfalls: readonly Shortfall[]): string {
  const parts = shortfalls.map((s) => s.what);
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "");
}

/** The criteria failed, in order, without repeats: `1.3.1, 2.4.2`. */
export function shortfallCriteria(shortfalls: readonly Shortfall[]): string {
  return [...new Set(shortfalls.map((s) => s.criterion))].join(", ");
}
