// Name search: the same normalization the database applies to names and aliases
// (migration 20261125040000_name_search): lower case, no accents, no apostrophes.
// Kept in step with the SQL function `newsgraph_search_text`.
import { BadUserInputError } from "../../errors";

export const MAX_SEARCH_LENGTH = 200;

export function normalizeSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['`’‘]/g, "");
}

/** A Prisma condition matching rows whose name or an alias contains `text`. */
export function nameContains(text: string, field: string): { searchText: { contains: string } } {
  const needle = normalizeSearch(text).trim();
  if (needle.length === 0) throw new BadUserInputError("A name search needs at least one letter or digit.", field);
  if (needle.length > MAX_SEARCH_LENGTH) {
    throw new BadUserInputError(`A name search is at most ${MAX_SEARCH_LENGTH} characters.`, field);
  }
  return { searchText: { contains: escapeLike(needle) } };
}

/**
 * The text with LIKE's wildcards (`%`, `_`) and its escape character (`\`) escaped, so that it
 * matches literally. Prisma's `contains` puts its text into a LIKE pattern as is on PostgreSQL
 * (so does the compiled read path, read-sql.ts, which mirrors it): a search for `%` would
 * otherwise find every row, and `b_n` would find "Benjamin".
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
