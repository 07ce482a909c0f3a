import { RESERVED_IDS, SLUG, UPLOADS_FOLDER, type Review } from "../../model/review.ts";
import type { Finding, ReviewAtHand, WarningContext } from "./at-hand.ts";

/** Rules on a review's own fields taken together, on its id against the other reviews', and on its folder. */

/** A review has its publication date, unless its status is "delayed". */
export function dateGivenUnlessDelayed({ raw: { published, status } }: ReviewAtHand): Finding[] {
  if (published !== undefined || typeof status !== "string" || status === "delayed") return [];
  return [
    {
      field: ["published"],
      message: `this field is missing; expected the publication date written YYYY-MM-DD. Only a review with status "delayed" may have no date yet.`,
    },
  ];
}

/** An id is not one of the site's own addresses under /reviews/ (such as the list by type or area), nor the uploads folder. */
export function idNotReserved({ raw: { id } }: ReviewAtHand): Finding[] {
  if (id === UPLOADS_FOLDER) {
    return [
      {
        field: ["id"],
        message: `"${id}" cannot be a review's id: reviews/${id}/ is the folder documents are uploaded into from the editor. Choose another id, e.g. "child-${id}".`,
      },
    ];
  }
  if (typeof id !== "string" || !(RESERVED_IDS as readonly string[]).includes(id)) return [];
  return [
    {
      field: ["id"],
      message: `"${id}" cannot be a review's id: /reviews/${id}/ is where the site lists reviews by ${id}. Choose another id, e.g. "child-${id}".`,
    },
  ];
}

/** An id is used by one review only: a later review with the same id is a problem, naming the first. */
export function idNotTaken({ raw: { id }, index, lineOf, seen }: ReviewAtHand): Finding[] {
  if (typeof id !== "string" || !SLUG.test(id)) return [];
  const first = seen.ids.get(id);
  if (first === undefined) {
    seen.ids.set(id, index);
    return [];
  }
  const firstLine = lineOf([first]);
  return [
    {
      field: ["id"],
      message: `the id "${id}" is already used by review ${first + 1} in the list${firstLine ? ` (line ${firstLine})` : ""}; every review needs its own id.`,
    },
  ];
}

/** A review's folder `reviews/<id>/` is a real folder, not a link to files from anywhere. */
export function folderNotLinked({ folder }: ReviewAtHand): Finding[] {
  return folder?.linked ? [{ field: ["documents"], message: folder.linked }] : [];
}

/** A warning, for a review with no problems: its publication date is not after the build date, or it is not listed yet. */
export function publishedByBuildDate(review: Pick<Review, "published">, ctx: WarningContext): Finding[] {
  if (!review.published || review.published <= ctx.buildDate) return [];
  return [
    {
      field: ["published"],
      message: `the publication date ${review.published} is after the build date ${ctx.buildDate}; the review will not be listed until that date.`,
    },
  ];
}
