/**
 * The editor's own script (/admin/reviews-editor.js, bundled by
 * src/cms/editor-bundle.ts, loaded after Sveltia CMS and only at /admin/): the
 * file format `reviews-json` that admin/config.yml names for `_data/reviews.json`.
 * Opening the file adds each SCR's leaving line; under the date of each review added or re-dated, the day it
 * leaves the site shows as it is typed (./leaving-live.ts); saving refuses what the build
 * would refuse, saying so in Sveltia's dialog and then in a message a screen reader announces, and writes
 * the file in its one form.
 */
// First, before any schema is made (ES modules run in import order).
import "./zod-jitless.ts";
import { editorMessage, editorProblems, londonToday, reviewsFileText, reviewsFromFile, type EditorSettings } from "../editor-rules.ts";
import { keepUntouched } from "../untouched.ts";
import { askBeforeRemoving } from "./ask-before-removing.ts";
import { watchLeavingDays } from "./leaving-live.ts";
import { withBareUploadNames } from "../upload-names.ts";

/** Fixed when the site is built, from _data/site.json. */
declare const EDITOR_SETTINGS: EditorSettings;

interface SveltiaCms {
  registerCustomFormat(name: string, extension: string, methods: { fromFile: (text: string) => unknown; toFile: (value: unknown) => string }): void;
}

const MESSAGE_ID = "reviews-editor-problems";

/** The file's reviews as last read or written, so that a save keeps the ones nobody changed as they were (src/cms/untouched.ts). */
let inTheFile: unknown;

/** Sveltia CMS's own dialog, while it is open: it hides everything else from screen readers until it closes. */
const dialogOpen = () =>
  [...document.querySelectorAll<HTMLElement>('dialog[open], [role="dialog"][aria-modal="true"], [role="alertdialog"]')].some(
    (d) => d.offsetParent !== null || d.getClientRects().length > 0,
  );

/** Which refusal is the latest: a message waiting for the dialog to close is dropped when another save starts. */
let attempt = 0;

/**
 * After Sveltia's dialog about the failed save has opened and closed (or after a
 * moment, if none opens), a message at the foot of the page, added then so that
 * a screen reader announces it as an alert; it stays until it is closed or the next save.
 */
function showProblemsAfterDialog(text: string, mine = attempt, since = Date.now()): void {
  if (mine !== attempt) return;
  const waited = Date.now() - since;
  if ((waited < 400 || dialogOpen()) && waited < 30 * 60_000) {
    setTimeout(() => showProblemsAfterDialog(text, mine, since), 150);
    return;
  }
  showProblems(text);
}

function showProblems(text: string): void {
  document.getElementById(MESSAGE_ID)?.remove();
  const box = document.createElement("div");
  box.id = MESSAGE_ID;
  box.setAttribute("role", "alert");
  box.className = "reviews-editor-problems";
  // Over the foot of the editor, which fills the window, until it is closed: Sveltia's own dialog, shown over it, closes first.
  // Not over its top bar, where the Save button is and where the dialog gives the focus back (WCAG 2.4.11, focus not obscured).
  box.style.cssText =
    "position:fixed;inset:auto 0 0 0;z-index:2147483647;max-height:50vh;overflow:auto;margin:0;padding:1rem 1.5rem;background:#fff;color:#0b0c0c;border-top:4px solid #d4351c;font:1rem/1.4 system-ui,sans-serif;";
  const heading = document.createElement("p");
  heading.textContent = "Not saved. Please correct this and save again:";
  const body = document.createElement("pre");
  body.style.cssText = "white-space:pre-wrap;font:inherit;";
  body.textContent = text;
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close this message";
  close.addEventListener("click", () => box.remove());
  box.append(heading, body, close);
  document.body.prepend(box);
}

function toFile(value: unknown): string {
  attempt += 1;
  document.getElementById(MESSAGE_ID)?.remove();
  // Compared without the leaving lines, which the form keeps on each review and the file never has.
  // A document's file chosen from those already uploaded is named by its bare name, as a new upload is.
  const form = withBareUploadNames(value);
  const text = reviewsFileText(keepUntouched(JSON.parse(reviewsFileText(form)), inTheFile));
  const problems = editorProblems(text, EDITOR_SETTINGS, londonToday(), form);
  if (problems.length) {
    const message = editorMessage(problems);
    showProblemsAfterDialog(message);
    // Sveltia CMS shows the cause of a "saving_failed" error in its dialog; any other error as "try again later".
    throw new Error("saving_failed", { cause: new Error(message) });
  }
  inTheFile = JSON.parse(text);
  return text;
}

askBeforeRemoving(document);

const cms = (window as unknown as { CMS?: SveltiaCms }).CMS;
if (!cms) throw new Error("Sveltia CMS did not load before /admin/reviews-editor.js");
cms.registerCustomFormat("reviews-json", "json", {
  fromFile: (text) => {
    const shown = reviewsFromFile(text, EDITOR_SETTINGS.retentionMonths, londonToday());
    inTheFile = JSON.parse(reviewsFileText(shown));
    return shown;
  },
  toFile,
});
// Under each added or re-dated review's date published, the day it leaves the site, before it is saved.
watchLeavingDays(document, () => inTheFile, EDITOR_SETTINGS, londonToday);
