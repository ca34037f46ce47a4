// The rules values must follow wherever facts are written: GraphQL mutations and article imports.
import { z } from "zod";

export const slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase slug (letters, digits and dashes)");
export const countryCode = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code (two capital letters)");
export const name = z.string().trim().min(1, "must not be empty").max(300, "must be at most 300 characters");
export const text = z.string().trim().min(1, "must not be empty").max(4000, "must be at most 4000 characters");
export const aliases = z.array(name).max(50, "must have at most 50 entries");
export const url = z.url().max(2000);
/** Calendar dates between 1900 and 2100: anything else is a typo in news data. */
export const calendarDate = z
  .date()
  .min(new Date("1900-01-01T00:00:00Z"), "must be in 1900 or later")
  .max(new Date("2100-12-31T00:00:00Z"), "must be in 2100 or earlier");

/** "ends before it starts" on the row as it will be, for rules across two date fields. */
export function datesInOrder(
  row: Record<string, unknown>,
  start: string,
  end: string,
): { field: string; message: string } | null {
  const from = row[start];
  const to = row[end];
  return from instanceof Date && to instanceof Date && to < from
    ? { field: end, message: `must not be before ${start}` }
    : null;
}
