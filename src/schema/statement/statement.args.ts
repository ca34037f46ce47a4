import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PaginationArgs } from "../common/pagination.args";

@InputType({ description: "Conditions a statement must meet; all given ones apply." })
export class StatementFilter {
  @Field(() => ID, { nullable: true, description: "Said by this person." })
  speakerPersonId?: string | null;

  @Field(() => ID, { nullable: true, description: "Said by this organization." })
  speakerOrganizationId?: string | null;

  @Field(() => ID, { nullable: true, description: "About this ceasefire." })
  ceasefireId?: string | null;

  @Field(() => ID, { nullable: true, description: "Reported by this article." })
  reportedIn?: string | null;
}

@ArgsType()
export class StatementsArgs extends PaginationArgs {
  @Field(() => StatementFilter, { nullable: true, description: "Only statements that match." })
  filter?: StatementFilter | null;
}
