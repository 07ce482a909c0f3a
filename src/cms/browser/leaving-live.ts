/**
 * The leaving day, live: under the date published of each review added or re-dated (its date or its type
 * changed) since the file was opened or saved, a line saying how long it stays on the site, by the build's own
 * rule (src/cms/leaving-changes.ts), the date read as typed in words, updated as the maintainer types, before anything is saved. Read from
 * Sveltia CMS's form, whose fields carry their place in the data (`data-key-path="reviews.0.published"`); a
 * preview template would need React and Immutable.js, which Sveltia fetches from a CDN the editor's policy blocks.
 */
import type { IsoDate } from "../../model/dates.ts";
import { leavingChanges, leavingNote } from "../leaving-changes.ts";

export const LEAVING_CLASS = "reviews-editor-leaving";
const DATE_FIELD = /^reviews\.(\d+)\.published$/;

/** The form's edit pane (the preview pane beside it has sections of the same places, without inputs). */
const EDIT_PANE = '[data-mode="edit"]';
const fieldOf = (pane: Element, at: string, name: string) => pane.querySelector<HTMLElement>(`section[data-key-path="${at}.${name}"]`);
const textIn = (field: HTMLElement) => field.querySelector<HTMLInputElement>("input, textarea")?.value ?? "";
const checkedIn = (field: HTMLElement) => field.querySelector<HTMLElement>('[role="radio"][aria-checked="true"]')?.getAttribute("value") ?? undefined;

/** Each date field's line: set, changed or taken away. */
function update(doc: Document, saved: unknown, retentionMonths: number, today: IsoDate): void {
  for (const section of doc.querySelectorAll<HTMLElement>(`${EDIT_PANE} section[data-key-path]`)) {
    const place = DATE_FIELD.exec(section.dataset.keyPath ?? "");
    // A text box holding the date as typed, "20 November 2026" (src/cms/editor-dates.ts); leavingChanges reads it so.
    const date = section.querySelector<HTMLInputElement>("input, textarea");
    const pane = section.closest(EDIT_PANE);
    if (!place || !date || !pane) continue;
    const at = `reviews.${place[1]}`;
    const published = date.value || undefined;
    // What the form shows of the review: a field it has not drawn yet (it draws them as they scroll into view) is left out, and taken as saved.
    const review: Record<string, unknown> = { published };
    for (const [name, read] of [
      ["id", textIn],
      ["title", textIn],
      ["type", checkedIn],
    ] as const) {
      const field = fieldOf(pane, at, name);
      if (field) review[name] = read(field);
    }
    const [change] = leavingChanges([review], saved, retentionMonths, today);
    const text = change ? leavingNote(change) : "";
    let note = section.querySelector<HTMLElement>(`.${LEAVING_CLASS}`);
    if (!text) {
      note?.remove();
      continue;
    }
    if (!note) {
      note = doc.createElement("p");
      note.className = LEAVING_CLASS;
      note.setAttribute("role", "status");
      note.style.cssText = "margin:0.5rem 0 0;font-weight:600;";
      section.append(note);
    }
    if (note.textContent !== text) note.textContent = text;
  }
}

/** Keep every date field's line up to date, as the form changes. */
export function watchLeavingDays(doc: Document, saved: () => unknown, settings: { retentionMonths: number }, today: () => IsoDate): void {
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      update(doc, saved(), settings.retentionMonths, today());
    });
  };
  for (const type of ["input", "change", "click", "keyup"]) doc.addEventListener(type, schedule, true);
  new MutationObserver(schedule).observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-checked", "value"] });
}
