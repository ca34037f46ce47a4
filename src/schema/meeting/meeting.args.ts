import { ArgsType, Field, InputType } from "type-graphql";
import { DateScalar } from "../common/scalars";
import { PaginationArgs } from "../common/pagination.args";

@InputType({ description: "Conditions a meeting must meet; all given ones apply." })
export class MeetingFilter {
  @Field(() => DateScalar, { nullable: true, description: "Held on or after this date." })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Held on or before this date." })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: "A delegation of this country (ISO code) took part." })
  countryCode?: string | null;
}

@ArgsType()
export class MeetingsArgs extends PaginationArgs {
  @Field(() => MeetingFilter, { nullable: true, description: "Only meetings that match." })
  filter?: MeetingFilter | null;
}
