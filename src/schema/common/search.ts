// Name search: the same normalization the database applies to names and aliases
// (migration 20261125040000_name_search): lower case, no accents, no apostrophes.
// Kept in step with the SQL function `newsgraph_search_text`.
import { BadUserInputError } from "../../errors";
import { type Condition, contains } from "../../read/condition";

export const MAX_SEARCH_LENGTH = 200;

export function normalizeSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['`’‘]/g, "");
}

/** A condition matching rows whose name or an alias contains `text` (literally: `%` is a percent sign). */
export function nameContains(text: string, field: string): Condition {
  const needle = normalizeSearch(text).trim();
  if (needle.length === 0) throw new BadUserInputError("A name search needs at least one letter or digit.", field);
  if (needle.length > MAX_SEARCH_LENGTH) {
    throw new BadUserInputError(`A name search is at most ${MAX_SEARCH_LENGTH} characters.`, field);
  }
  return contains("searchText", needle);
}
