import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { always } from "../../read/condition";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { Organization } from "../organization/organization.type";
import { Plan, PlanConnection } from "./plan.type";

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => Plan, { nullable: true, description: "One plan by id." })
  plan(@Arg("id", () => ID, { description: "The plan's id." }) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "plan", id);
  }

  @Query(() => PlanConnection, { description: "All plans, by deadline." })
  plans(@Args() page: PaginationArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(loaders.pagesFor(info, "plan"), page, always, { field: "deadline", direction: "asc", nullable: true, isDate: true });
  }

  @FieldResolver(() => Organization, { nullable: true, description: "Who is to carry it out." })
  responsibleOrganization(@Root() plan: Plan, @Ctx() { loaders }: Context) {
    return loaders.related(plan, "Plan", "responsibleOrganization");
  }

  @FieldResolver(() => Organization, { nullable: true, description: "Whom it is aimed at." })
  targetOrganization(@Root() plan: Plan, @Ctx() { loaders }: Context) {
    return loaders.related(plan, "Plan", "targetOrganization");
  }

  @FieldResolver(() => Organization, { nullable: true, description: "Who approved it." })
  approvedBy(@Root() plan: Plan, @Ctx() { loaders }: Context) {
    return loaders.related(plan, "Plan", "approvedBy");
  }
}
