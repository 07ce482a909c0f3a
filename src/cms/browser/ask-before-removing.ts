/**
 * Sveltia CMS removes a list's item at one click on its ×. For a review, the editor asks first, saying what then
 * happens (nothing until the save; then its page leaves at the next nightly build): a click on the × of a review
 * (an item of the top list, not a document inside one) goes on to Sveltia only once the officer has said yes.
 */
import { removeQuestion } from "../labels.ts";

/** The title of the review whose item `item` is: from its line in the list ("Child H · SCR, leaves … · published …"), shown while it is closed. */
function titleOf(item: Element): string {
  const line = item.querySelector(".summary")?.textContent ?? "";
  return line.split(" · ")[0]!.trim() || "this review";
}

/** From now on, a click on a review's × in `page` removes it only if `ask` says yes (window.confirm: the browser's own dialog). */
export function askBeforeRemoving(page: Document, ask: (question: string) => boolean = (q) => window.confirm(q)): void {
  page.addEventListener(
    "click",
    (event) => {
      const button = (event.target as Element | null)?.closest?.('button[aria-label="Remove"]');
      const item = button?.closest('[role="group"].item');
      // A review is an item of the top list; a document's item is inside a review's.
      if (!button || !item || item.parentElement?.closest(".item")) return;
      if (ask(removeQuestion(titleOf(item)))) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    true,
  );
}
