import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Info, Query, Resolver } from "type-graphql";
import { BadUserInputError } from "../../errors";
import type { SearchSource } from "../../read/analyst-sql";
import { LazyConnection, LazyEdge } from "../common/connection";
import { decodeCursorJson, encodeCursorJson } from "../common/cursor-json";
import { pageSizes } from "../common/pagination.args";
import { MAX_SEARCH_LENGTH, normalizeSearch } from "../common/search";
import type { Context } from "../context";
import { SearchArgs } from "./search.args";
import { SEARCHED, SearchKind } from "./search.kinds";
import { SearchResult, SearchResultConnection } from "./search.type";

const KINDS = Object.values(SearchKind);

@Resolver(() => SearchResult)
export class SearchResolver {
  @Query(() => SearchResultConnection, {
    description:
      "One search over every kind: names and aliases, titles, summaries, statements' text and quotes, articles' titles. " +
      "Ranked (full text search, and trigram similarity for misspellings such as `Nakoura` or `Netanyahou`), best first.",
  })
  async search(@Args() { text, kinds, first: firstArg, after }: SearchArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const normalized = normalizeSearch(text).trim();
    if (!/[\p{L}\p{N}]/u.test(normalized)) throw new BadUserInputError("A search needs at least one letter or digit.", "text");
    if (normalized.length > MAX_SEARCH_LENGTH) throw new BadUserInputError(`A search is at most ${MAX_SEARCH_LENGTH} characters.`, "text");
    if (kinds?.length === 0) throw new BadUserInputError("`kinds` needs at least one kind; leave it out for all.", "kinds");
    const { first } = pageSizes({ first: firstArg });
    const offset = after != null ? decodeSearchCursor(after, normalized) : 0;
    const { plans, total } = loaders.nodeUnionPlans(info, "entity");
    const sources = [...new Set(kinds ?? KINDS)].map((kind): SearchSource => {
      const { model, fields } = SEARCHED[kind];
      return { rank: KINDS.indexOf(kind), model, shown: fields, plan: plans.get(model)! };
    });
    // The page, its rows with what the query selects on them, highlights and the total: one statement.
    const read = await loaders.search({ sources, text: normalized, offset, take: first! + 1, total });
    const rows = read.rows.slice(0, first!);
    const edges = rows.map(
      (row, index) =>
        new LazyEdge<SearchResult>({ kind: KINDS[row.rank], score: row.score, highlight: row.highlight, entity: row.subject }, () =>
          encodeSearchCursor(offset + index + 1, normalized),
        ),
    );
    const count = () =>
      read.total !== null ? Promise.resolve(read.total) : loaders.search({ sources, text: normalized, offset: 0, take: 0, total: true }).then((page) => page.total!);
    return new LazyConnection(edges, { hasNextPage: read.rows.length > first!, hasPreviousPage: offset > 0 }, count);
  }
}

// Search results are ranked by a score, not ordered by a column: their cursors are positions in
// the ranking (as search engines page), tied to the text they were issued for.
function encodeSearchCursor(position: number, text: string): string {
  return encodeCursorJson([position, text]);
}

function decodeSearchCursor(cursor: string, text: string): number {
  const decoded = decodeCursorJson(cursor);
  if (decoded?.length === 2 && Number.isSafeInteger(decoded[0]) && (decoded[0] as number) >= 0 && decoded[1] === text) return decoded[0] as number;
  throw new BadUserInputError("`after` is not a cursor of this search.", "after");
}
