import { ArgsType, Field, Int } from "type-graphql";
import { BadUserInputError } from "../../errors";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../read/page-size";

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

@ArgsType()
export class PaginationArgs {
  @Field(() => Int, { nullable: true, description: `Page size counted from the start (at most ${MAX_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor: return the items after this one." })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size counted from the end (at most ${MAX_PAGE_SIZE}).` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor: return the items before this one." })
  before?: string | null;
}

/**
 * The requested page size from either end, checked: one of `first`/`last` (default: the first
 * DEFAULT_PAGE_SIZE), never negative, never above MAX_PAGE_SIZE (refused, not clamped).
 */
export function pageSizes(args: PaginationArgs): { first: number | null; last: number | null } {
  if (args.first != null && args.last != null) {
    throw new BadUserInputError("Pass either `first` or `last`, not both.", "first");
  }
  for (const field of ["first", "last"] as const) {
    const size = args[field];
    if (size != null && size < 0) throw new BadUserInputError(`\`${field}\` must not be negative.`, field);
    if (size != null && size > MAX_PAGE_SIZE) {
      throw new BadUserInputError(`\`${field}\` must be at most ${MAX_PAGE_SIZE}; got ${size}.`, field);
    }
  }
  return { first: args.first ?? (args.last == null ? DEFAULT_PAGE_SIZE : null), last: args.last ?? null };
}
