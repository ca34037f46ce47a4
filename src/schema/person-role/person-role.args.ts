import { ArgsType, Field } from "type-graphql";
import { PaginationArgs } from "../common/pagination.args";
import { DateScalar } from "../common/scalars";

@ArgsType()
export class RolesArgs extends PaginationArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Only roles held on this day, by their dates: begun by then (or start unknown) and not ended before it (or end unknown; " +
      "a role reported FORMER without an end date is left out). Unlike `status`, which says what was true when it was reported, this does not go stale.",
  })
  activeOn?: Date | null;
}
