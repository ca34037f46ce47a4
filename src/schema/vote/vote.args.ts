import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { VoteOutcome } from "../../generated/prisma/client";
import { type ColumnOrderings, type OrderInput, OrderInputType } from "../common/order";
import { PaginationArgs } from "../common/pagination.args";
import { DateScalar } from "../common/scalars";

@InputType({ description: "Conditions a vote must meet; all given ones apply." })
export class VoteFilter {
  @Field(() => DateScalar, { nullable: true, description: "Held on or after this date (undated votes never match)." })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Held on or before this date (undated votes never match)." })
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: "Held by this body (an organization's id or slug)." })
  bodyId?: string | null;

  @Field(() => ID, { nullable: true, description: "About this ceasefire, agreement or plan (its id or slug)." })
  about?: string | null;

  @Field(() => VoteOutcome, { nullable: true, description: "With this outcome." })
  outcome?: VoteOutcome | null;

  @Field(() => ID, { nullable: true, description: "Reported by this article (its id or slug)." })
  reportedIn?: string | null;
}

export enum VoteOrderField {
  DATE = "DATE",
  TITLE = "TITLE",
}
registerEnumType(VoteOrderField, { name: "VoteOrderField", description: "Fields votes can be ordered by." });

export const voteOrderings: ColumnOrderings<VoteOrderField> = {
  DATE: { field: "date", nullable: true, isDate: true },
  TITLE: { field: "title", nullable: false },
};

export const VoteOrder = OrderInputType("Vote", VoteOrderField, VoteOrderField.DATE);

@ArgsType()
export class VotesArgs extends PaginationArgs {
  @Field(() => VoteFilter, { nullable: true, description: "Only votes that match." })
  filter?: VoteFilter | null;

  @Field(() => VoteOrder, { nullable: true, description: "Order; by default by date, undated last." })
  orderBy?: OrderInput<VoteOrderField> | null;
}
