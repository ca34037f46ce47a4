import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { type ColumnOrderings, type OrderInput, OrderInputType } from "../common/order";
import { PaginationArgs } from "../common/pagination.args";
import { DateScalar } from "../common/scalars";

@InputType({ description: "Conditions a plan must meet; all given ones apply." })
export class PlanFilter {
  @Field(() => DateScalar, { nullable: true, description: "Due on or after this date (plans without a deadline never match)." })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "Due on or before this date (plans without a deadline never match)." })
  to?: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: "This organization (id or slug) is to carry it out, is its target, or approved it.",
  })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: "Reported by this article (its id or slug)." })
  reportedIn?: string | null;
}

export enum PlanOrderField {
  DEADLINE = "DEADLINE",
  TITLE = "TITLE",
}
registerEnumType(PlanOrderField, { name: "PlanOrderField", description: "Fields plans can be ordered by." });

export const planOrderings: ColumnOrderings<PlanOrderField> = {
  DEADLINE: { field: "deadline", nullable: true, isDate: true },
  TITLE: { field: "title", nullable: false },
};

export const PlanOrder = OrderInputType("Plan", PlanOrderField, PlanOrderField.DEADLINE);

@ArgsType()
export class PlansArgs extends PaginationArgs {
  @Field(() => PlanFilter, { nullable: true, description: "Only plans that match." })
  filter?: PlanFilter | null;

  @Field(() => PlanOrder, { nullable: true, description: "Order; by default by deadline (none last)." })
  orderBy?: OrderInput<PlanOrderField> | null;
}
