/**
 * Titles in the order a reader expects (`Child 2` before `Child 10`), as
 * `a.localeCompare(b, "en-GB", { numeric: true })` orders them, with one collator
 * made once: `localeCompare` with options makes a new one on every call, which
 * cost half a second a sort at 10,000 reviews.
 */
export const compareTitles: (a: string, b: string) => number = new Intl.Collator("en-GB", { numeric: true }).compare;
