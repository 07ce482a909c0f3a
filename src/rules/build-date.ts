import { DateTime } from "luxon";
import { isIsoDate, londonDateAt, writtenAsDate, type IsoDate } from "../model/dates.ts";
import { PlainError } from "../model/failures.ts";
import { quote } from "../model/problems.ts";

/** A build-date variable that cannot be read; the message names the variable and says what it should look like. */
export class BuildDateError extends PlainError {
  constructor(message: string) {
    super(message);
    this.name = "BuildDateError";
  }
}

/** The date, when it is in the years 1970 to 9999 that dates on the site are written in; else an error naming the variable. */
function withinYears(name: string, value: string, date: string, example: string): IsoDate {
  if (isIsoDate(date) && date >= "1970-01-01") return date;
  throw new BuildDateError(`${name} is ${quote(value)}, which is outside the years 1970 to 9999 that the site can date. Expected ${example}.`);
}

/**
 * The date the publication rules are applied at, as a London calendar date.
 *
 * `BUILD_DATE` (`YYYY-MM-DD`, or an ISO date-time with an offset such as
 * `2026-11-25T23:30:00Z`, read as the date it then was in London), else
 * `SOURCE_DATE_EPOCH` (whole seconds since 1970, the reproducible-builds
 * convention), else the clock. Empty variables count as unset.
 */
export function resolveBuildDate(env: Record<string, string | undefined>, now: () => Date = () => new Date()): IsoDate {
  const buildDate = env.BUILD_DATE?.trim();
  if (buildDate) {
    if (writtenAsDate(buildDate)) {
      if (isIsoDate(buildDate)) return withinYears("BUILD_DATE", buildDate, buildDate, "YYYY-MM-DD, e.g. 2026-11-26");
      throw new BuildDateError(`BUILD_DATE is ${quote(buildDate)}, which is not a real calendar date. Expected YYYY-MM-DD, e.g. 2026-11-26.`);
    }
    const hasOffset = /T.*(Z|[+-]\d{2}(:?\d{2})?)$/i.test(buildDate);
    const instant = DateTime.fromISO(buildDate, { setZone: true });
    if (!hasOffset || !instant.isValid) {
      throw new BuildDateError(
        `BUILD_DATE is ${quote(buildDate)}, which is not a date. Expected YYYY-MM-DD (e.g. 2026-11-26) or an ISO date-time with an offset (e.g. 2026-11-26T01:30:00Z or 2026-11-26T01:30:00+00:00).`,
      );
    }
    return withinYears("BUILD_DATE", buildDate, londonDateAt(instant.toJSDate()), "YYYY-MM-DD, e.g. 2026-11-26");
  }
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch) || !Number.isSafeInteger(Number(epoch))) {
      throw new BuildDateError(
        `SOURCE_DATE_EPOCH is ${quote(epoch)}, which is not a number of seconds. Expected whole seconds since 1970-01-01 UTC, e.g. 1764115200.`,
      );
    }
    const instant = DateTime.fromSeconds(Number(epoch), { zone: "utc" });
    const example = "whole seconds since 1970-01-01 UTC, at most 253402300799 (the end of 9999), e.g. 1764115200";
    return withinYears("SOURCE_DATE_EPOCH", epoch, instant.isValid ? londonDateAt(instant.toJSDate()) : "", example);
  }
  return todayInLondon(now);
}

/** Today: the clock's date in London, whatever BUILD_DATE says. */
export function todayInLondon(now: () => Date = () => new Date()): IsoDate {
  return londonDateAt(now());
}

/**
 * The date a command that publishes the live site builds at: today, the clock's date in London. A BUILD_DATE is
 * accepted only when it is today (SOURCE_DATE_EPOCH, set globally for reproducible builds, is never read): a later
 * date would list reviews that are not public yet, an earlier one would keep online every SCR whose removal date has come since.
 */
export function todaysBuildDate(env: Record<string, string | undefined>, today: IsoDate, command: string): IsoDate {
  if (!env.BUILD_DATE?.trim()) return today;
  const date = resolveBuildDate({ BUILD_DATE: env.BUILD_DATE });
  if (date === today) return today;
  const when = date > today ? "after" : "before";
  const preview = `BUILD_DATE=${date} npm run build -- --out _preview${date > today ? " --future-date" : ""}`;
  throw new BuildDateError(
    `BUILD_DATE is ${date}, ${when} today (${today}). ${command} publishes the live site, so it is for today only, and a build for ${when === "after" ? "a later date would list reviews that are not public yet" : "an earlier date would keep online the reviews whose removal date has come since"}; nothing was published. ` +
      `Unset BUILD_DATE for ${command}. To look at the site as it ${when === "after" ? "will be" : "was"} on ${date}, build a preview in a folder that is not served: ${preview}.`,
  );
}
