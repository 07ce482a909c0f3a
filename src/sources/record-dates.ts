import type { IsoDate } from "../model/dates.ts";
import type { ReviewType } from "../model/review.ts";
import { type PublicationSettings, removalDate } from "../rules/publication.ts";
import { removalHasCome } from "../rules/release-dates.ts";

/**
 * The one date rule a finder holds each source's record to at its own London date, whether the record
 * was read today or kept from a night its source was last read (src/sources/harvest.ts): the
 * publication rule of src/rules/, applied again whatever the feed said.
 */
interface Dated {
  type: ReviewType;
  published: IsoDate | null;
  leaves: IsoDate | null;
}

/** The day a record leaves: for a dated SCR, the earlier of its feed's `leaves` and its date plus its publisher's `retentionMonths`; else the feed's `leaves`. */
export function leavingDay(record: Dated, publisher: PublicationSettings): IsoDate | null {
  const byRule = record.type === "SCR" && record.published !== null ? removalDate(record.published, publisher) : null;
  return [record.leaves, byRule].filter((d): d is IsoDate => d !== null).sort()[0] ?? null;
}

/** Why `record` (its `leaves` already its leaving day) is not listed at `today`, or null while it is. */
export function notListedAt(record: Dated, today: IsoDate): string | null {
  if (record.published !== null && record.published > today) return `dated ${record.published}, after ${today}: not yet published.`;
  if (record.type === "SCR" && record.published !== null && record.leaves === null)
    return `an SCR dated ${record.published} with no leaving day: it cannot be shown to be within its dates, so it was left out.`;
  if (record.leaves !== null && removalHasCome(record.leaves, today))
    return `its period ended on ${record.leaves} (by ${today}): it is no longer listed, though its feed may still list it.`;
  return null;
}
