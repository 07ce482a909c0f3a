/**
 * How the withheld rule reads a title, file name or address: as the letters a
 * person sees, so that no spelling, typing slip or disguise lets a withheld
 * review's overview report through. Before matching, it
 * - decodes %-codes, again and again (`Over%252Dview` is `Over-view`), never failing on a malformed one;
 * - splits letters from their accents and compatibility forms (NFKD: full-width, bold, ligatures), dropping the accents;
 * - drops hidden characters (zero-width spaces and joiners, soft hyphens, direction marks);
 * - reads letters of other scripts that look Latin (a Cyrillic е, a Greek Ο, small capitals),
 *   and digits and signs that stand for letters (0 o, 1 l, 3 e, 4 a, 5 s, 7 t, @ a, $ s, ! i, | l), as those letters;
 * - keeps only the letters a to z, so spaces, hyphens, underscores and dots inside a word do not hide it;
 * - reads l as i and vv as w, which look alike in many fonts.
 * It then looks for "overview" anywhere (also "Executive overview", "Executive summary and overview"), or typed
 * with one slip after its first letter (Overveiw, Ovreview, Overvie); for the withheld footnote's own name
 * for the report, "overall report"; and for the other names it goes by: a CSPR's "final report" (the statutory
 * guidance's name for it) and an SCR's "full report" or "final report". A few words may stand between
 * (`Overall SCR report`, `Final review report`, `Full redacted report`); a "Final learning summary",
 * "Final practitioner briefing" or "Full response" names no report, and is not read as one.
 */

/** The phrases that name the overview report. */
export const OVERVIEW_PHRASES = ["overview", "overall report", "final report", "full report"] as const;
export type OverviewPhrase = (typeof OVERVIEW_PHRASES)[number];

/** Words that may stand between the first word of a phrase and "report": the review's type, and how the copy was made. */
const BETWEEN_WORDS = [
  "scr",
  "cspr",
  "lcspr",
  "review",
  "case review",
  "serious case review",
  "practice review",
  "safeguarding practice review",
  "child safeguarding practice review",
  "redacted",
  "anonymised",
  "anonymized",
  "published",
];

/** Characters that look like a Latin letter, as pairs: the character, then the letter it is read as. */
const LOOKALIKE_PAIRS = [
  // Cyrillic
  "Аa аa Вb вb Еe еe Кk кk Мm мm Нh нh Оo оo Рp рp Сc сc Тt тt Уy уy Хx хx Іi іi Јj јj Ѕs ѕs",
  "Ԁd ԁd Ԛq ԛq Ԝw ԝw Ѵv ѵv гr пn ѡw Һh һh Ӏl ӏl ьb Үy үy",
  // Greek
  "Αa αa Βb βb Εe εe Ζz Ηh ηn Ιi ιi Κk κk Μm Νn νv Οo οo Ρp ρp Τt τt Υy υu Χx χx ωw ϳj γy",
  // Armenian
  "Օo օo Սu սu ոn հh ցg զq",
  // Latin letters that no decomposition takes to a to z, and small capitals
  "ıi ȷj ɑa ɡg ɩi ʋv ɛe Øo øo Đd đd Łl łl Ħh ħh Ŧt ŧt ɨi ƀb",
  "ᴀa ʙb ᴄc ᴅd ᴇe ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz",
  // Digits and signs typed for letters
  "0o 1l 3e 4a 5s 7t @a $s !i |l",
].join(" ");

const LOOKALIKES = new Map<string, string>(
  LOOKALIKE_PAIRS.split(" ").map((pair) => {
    const [from, to] = [...pair];
    return [from!, to!];
  }),
);

/** Enough for any address a browser or server would decode, and bounded, so a hostile PDF title cannot make the build spin. */
const MAX_DECODING_ROUNDS = 12;

/** One run of %-codes decoded as UTF-8, or byte by byte (as Latin-1) when they are not valid UTF-8. */
function decodeRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    return run.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
}

/** Decode %-codes until none is left (or the rounds run out); a `%` that starts no code is left as it is. */
export function decodePercents(text: string): string {
  let current = text;
  for (let round = 0; round < MAX_DECODING_ROUNDS; round++) {
    const next = current.replace(/(?:%[0-9a-f]{2})+/gi, decodeRun);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** The letters a person reads in `text`, as a to z only, with l read as i and vv as w. */
export function lettersReadIn(text: string): string {
  const plain = decodePercents(text)
    .normalize("NFKD")
    .replace(/[\p{M}\p{Cf}]/gu, "");
  let letters = "";
  for (const char of plain) letters += LOOKALIKES.get(char) ?? char.toLowerCase();
  return letters
    .replace(/[^a-z]/g, "")
    .replace(/l/g, "i")
    .replace(/vv/g, "w");
}

/**
 * A phrase as a pattern over letters, each word read by `read`: "overview" as it is; a "<word> report" with up to
 * two of BETWEEN_WORDS between. Built from the same reading as the text, so that `l` (read as i) matches in both.
 */
function phrasePattern(phrase: OverviewPhrase, read: (text: string) => string): RegExp {
  const words = phrase.split(" ");
  if (words.length === 1) return new RegExp(read(phrase));
  const between = BETWEEN_WORDS.map(read).sort((a, b) => b.length - a.length);
  return new RegExp(`${read(words[0]!)}(?:${between.join("|")}){0,2}${read(words[1]!)}`);
}

/** Letters as typed, lower-cased: to tell a phrase written plainly from one found only through look-alikes. */
const plainLetters = (text: string) => text.toLowerCase().replace(/[^a-z]/g, "");

const PHRASE_LETTERS = OVERVIEW_PHRASES.map((phrase) => [phrase, phrasePattern(phrase, lettersReadIn), phrasePattern(phrase, plainLetters)] as const);

/** How far apart two words are: letters wrong, missing, extra, or two side by side swapped (optimal string alignment). */
function typingDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      row.push(best);
    }
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** Letters looked at for a misspelling: enough for any title, bounded for a hostile PDF title (the exact match reads all). */
const MISSPELLING_SCOPE = 2_000;

/**
 * Whether the letters hold "overview" typed with one slip (Overveiw, Ovreview, Overiew, Overvie), from its o on:
 * a slip in the first letter is not read, or "Riverview" would be refused.
 */
function hasMisspeltOverview(letters: string): boolean {
  const scope = letters.slice(0, MISSPELLING_SCOPE);
  for (let start = scope.indexOf("o"); start !== -1; start = scope.indexOf("o", start + 1))
    for (const length of [7, 8, 9]) {
      const word = scope.slice(start, start + length);
      if (word.length === length && typingDistance(word, "overview") <= 1) return true;
    }
  return false;
}

/** How the phrase is written: plainly, disguised (found only once decoded or read through look-alikes), or misspelt. */
export type Written = "plainly" | "disguised" | "misspelt";

/** The phrase naming the overview report that `text` reads as, if any, and how it is written there. */
export function overviewPhraseIn(text: unknown): { phrase: OverviewPhrase; written: Written } | undefined {
  if (typeof text !== "string") return undefined;
  const letters = lettersReadIn(text);
  const found = PHRASE_LETTERS.find(([, pattern]) => pattern.test(letters));
  if (found) return { phrase: found[0], written: found[2].test(plainLetters(text)) ? "plainly" : "disguised" };
  return hasMisspeltOverview(letters) ? { phrase: "overview", written: "misspelt" } : undefined;
}
