import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { type ColumnOrderings, type OrderInput, OrderInputType } from "../common/order";
import { PaginationArgs } from "../common/pagination.args";
import { DateScalar } from "../common/scalars";

@InputType({ description: "Conditions a term must meet; all given ones apply." })
export class TermFilter {
  @Field(() => DateScalar, { nullable: true, description: "Due on or after this date (terms without a deadline never match)." })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Due on or before this date (terms without a deadline never match)." })
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: "Of this ceasefire (its id or slug)." })
  ceasefireId?: string | null;

  @Field(() => ID, { nullable: true, description: "Of this agreement (its id or slug)." })
  agreementId?: string | null;

  @Field(() => ID, { nullable: true, description: "Binding this country or organization (an id, ISO code or slug)." })
  binding?: string | null;

  @Field(() => ID, { nullable: true, description: "Reported by this article (its id or slug)." })
  reportedIn?: string | null;
}

export enum TermOrderField {
  DEADLINE = "DEADLINE",
  TITLE = "TITLE",
}
registerEnumType(TermOrderField, { name: "TermOrderField", description: "Fields terms can be ordered by." });

export const termOrderings: ColumnOrderings<TermOrderField> = {
  DEADLINE: { field: "deadline", nullable: true, isDate: true },
  TITLE: { field: "title", nullable: false },
};

export const TermOrder = OrderInputType("Term", TermOrderField, TermOrderField.DEADLINE);

@ArgsType()
export class TermsArgs extends PaginationArgs {
  @Field(() => TermFilter, { nullable: true, description: "Only terms that match." })
  filter?: TermFilter | null;

  @Field(() => TermOrder, { nullable: true, description: "Order; by default by deadline (none last)." })
  orderBy?: OrderInput<TermOrderField> | null;
}
