import { ArgsType, Field, Int } from "type-graphql";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

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
