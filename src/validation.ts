// The rules values must follow wherever facts are written: GraphQL mutations and article imports.
import { getAlpha2Codes } from "i18n-iso-countries/index";
import { z } from "zod";

// Text hygiene. Every text is NFC-normalized first, so that a name typed with combining accents
// (NFD, as macOS file names and some keyboards produce) is stored, compared and searched like the
// same name typed precomposed. Then characters that a reader cannot see, or that reorder what is
// shown around them, are refused: they let look-alike duplicates of a name coexist, hide text
// from search, and spoof what editors and readers see (Trojan Source, CVE-2021-42574).
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// ZWNJ (U+200C) and ZWJ (U+200D) are part of correct spelling in Persian, Arabic-script and Indic
// text, and of emoji sequences. Names, slugs, titles and aliases are identifiers here (searched,
// deduplicated by key, and written in English or Latin transliteration, see the field
// descriptions), where an invisible joiner only makes a lookalike: they are refused there, as the
// security issue asks. Long texts (descriptions, summaries, quotes) may quote the original
// script, so they keep ZWNJ and ZWJ; the other zero-width characters have no spelling use.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
const ZERO_WIDTH_SPACES = /[\u200B\u2060\uFEFF]/;
// U+2028/U+2029 break lines like a newline does.
const LINE_SEPARATOR = /[\u2028\u2029]/;
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/; // all but tab and newline

// Half of a UTF-16 pair, which JSON and GraphQL strings can carry but UTF-8 cannot store.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Refused = [pattern: RegExp, what: string];

const SINGLE_LINE_REFUSED: Refused[] = [
  [LONE_SURROGATE, "half of a surrogate pair"],
  [CONTROL, "a control character"],
  [LINE_SEPARATOR, "a line break"],
  [BIDI_CONTROL, "a bidirectional control character"],
  [ZERO_WIDTH, "a zero-width character"],
];
const MULTI_LINE_REFUSED: Refused[] = [
  [LONE_SURROGATE, "half of a surrogate pair"],
  [MULTI_LINE_CONTROL, "a control character"],
  [BIDI_CONTROL, "a bidirectional control character"],
  [ZERO_WIDTH_SPACES, "a zero-width character"],
];

/** Refuses the first character of a refused class, named by code point (never echoed raw). */
function refuseCharacters(refused: Refused[]) {
  return (value: string, ctx: z.RefinementCtx) => {
    for (const [pattern, what] of refused) {
      const found = pattern.exec(value)?.[0];
      if (found !== undefined) {
        const codePoint = `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
        ctx.addIssue({ code: "custom", message: `must not contain ${codePoint} (${what})` });
        return;
      }
    }
  };
}

/** One line of text: names, titles, aliases, slugs, codes. */
export const singleLineText = z.string().normalize("NFC").superRefine(refuseCharacters(SINGLE_LINE_REFUSED));
/** Longer text that may have several lines (CR LF is stored as LF) and tabs. */
export const multiLineText = z
  .string()
  .normalize("NFC")
  .overwrite((value) => value.replace(/\r\n?/g, "\n"))
  .superRefine(refuseCharacters(MULTI_LINE_REFUSED));

/** A UUID as PostgreSQL writes them (our ids); anything else cannot name a row. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

// Filters take a slug wherever they take an id (an id-shaped value is read as an id), so a slug
// must never look like one.
/** A slug: lowercase letters and digits in dash-separated words. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** An ISO 3166-1 alpha-2 code's shape (two capital letters). */
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;

export const slug = singleLineText
  .min(1)
  .max(120)
  .regex(SLUG_PATTERN, "must be a lowercase slug (letters, digits and dashes)")
  .refine((value) => !isUuid(value), "must not have the shape of an id (a UUID)");
// The codes of i18n-iso-countries (its core module: no locale data loaded): ISO 3166-1's 249
// assigned alpha-2 codes, plus XK, the user-assigned code that the European Commission, the IMF,
// SWIFT and Unicode's CLDR use for Kosovo, which news about the region needs. Other user-assigned
// codes (AA, QM-QZ, XA-XZ, ZZ), reserved ones (UK, EU) and withdrawn ones (AN, YU) are refused.
const COUNTRY_CODES = new Set(Object.keys(getAlpha2Codes()));
export const countryCode = singleLineText
  .regex(COUNTRY_CODE_PATTERN, "must be an ISO 3166-1 alpha-2 code (two capital letters)")
  .refine((code) => !/^[A-Z]{2}$/.test(code) || COUNTRY_CODES.has(code), {
    // The input is two capital letters here: safe to echo.
    error: (issue) =>
      `"${String(issue.input)}" is not an ISO 3166-1 alpha-2 country code${issue.input === "UK" ? " (the United Kingdom's is GB)" : ""}`,
  });
export const name = singleLineText.trim().min(1, "must not be empty").max(300, "must be at most 300 characters");
export const text = multiLineText.trim().min(1, "must not be empty").max(4000, "must be at most 4000 characters");
export const aliases = z.array(name).max(50, "must have at most 50 entries");
export const url = singleLineText.max(2000).pipe(z.url());
/**
 * A calendar date as the API and documents write it (`YYYY-MM-DD`, in UTC like the stored dates).
 * A four-digit year's is built from its parts: ~0.07 µs against ~0.4 µs through `toISOString`, and
 * the Date scalar prints dozens a request (docs/performance.md, step 14).
 */
export function isoDay(date: Date): string {
  const year = date.getUTCFullYear();
  if (year >= 1000 && year <= 9999) return `${year}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`;
  return date.toISOString().slice(0, 10);
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `date.toISOString()`, through `isoDay` for a midnight UTC of a four-digit year (every value of a
 * date column): keyset cursors over dates print one per edge, and `toISOString` was a third of a
 * cursor's cost.
 */
export function isoString(date: Date): string {
  const year = date.getUTCFullYear();
  const midnight = date.getTime() % 86_400_000 === 0;
  return midnight && year >= 1000 && year <= 9999 ? `${isoDay(date)}T00:00:00.000Z` : date.toISOString();
}

/** Calendar dates between 1900 and 2100: anything else is a typo in news data. */
export const calendarDate = z
  .date()
  .min(new Date("1900-01-01T00:00:00Z"), "must be in 1900 or later")
  .max(new Date("2100-12-31T00:00:00Z"), "must be in 2100 or earlier");

/** How much of a reported date is known: its year, its month, or its day (Prisma's DatePrecision). */
export type ReportedPrecision = "YEAR" | "MONTH" | "DAY";

/** A date as reported (`2025-12-03`, `2025-12` or `2025`): the first day of that period, and its precision. */
export function reportedPeriod(value: string): { firstDay: Date; precision: ReportedPrecision } {
  const [precision, day]: [ReportedPrecision, string] =
    value.length === 4 ? ["YEAR", `${value}-01-01`] : value.length === 7 ? ["MONTH", `${value}-01`] : ["DAY", value];
  return { firstDay: new Date(`${day}T00:00:00Z`), precision };
}

/** The time of the last day of the period a date of `precision` stands for (a year's 31 December). */
export function lastDayOf(firstDay: Date, precision: string): number {
  if (precision !== "YEAR" && precision !== "MONTH") return firstDay.getTime();
  const next =
    precision === "YEAR"
      ? Date.UTC(firstDay.getUTCFullYear() + 1, 0, 1)
      : Date.UTC(firstDay.getUTCFullYear(), firstDay.getUTCMonth() + 1, 1);
  return next - 86_400_000;
}

/**
 * "ends before it starts" on the row as it will be, for rules across two date fields. An end
 * known only to its month or year may be any day of it (`<end>Precision`): it is out of order
 * only when that whole period is before the start.
 */
export function datesInOrder(
  row: Record<string, unknown>,
  start: string,
  end: string,
): { field: string; message: string } | null {
  const from = row[start];
  const to = row[end];
  const precision = row[`${end}Precision`];
  return from instanceof Date && to instanceof Date && lastDayOf(to, typeof precision === "string" ? precision : "DAY") < from.getTime()
    ? { field: end, message: `must not be before ${start}` }
    : null;
}

/** The IANA time zones this runtime knows, by their canonical names (`Asia/Beirut`), and UTC. */
const TIME_ZONES = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
export const isTimeZone = (value: string): boolean => TIME_ZONES.has(value);
