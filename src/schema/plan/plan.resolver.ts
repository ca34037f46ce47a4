import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { reader } from "../../database/rows";
import { Organization } from "../organization/organization.type";
import { Plan, PlanConnection } from "./plan.type";

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => Plan, { nullable: true, description: "One plan by id." })
  plan(@Arg("id", () => ID, { description: "The plan's id." }) id: string, @Ctx() { loaders }: Context) {
    return loaders.byId("plan").load(id);
  }

  @Query(() => PlanConnection, { description: "All plans, by deadline." })
  plans(@Args() page: PaginationArgs, @Ctx() { prisma }: Context) {
    return paginate(reader(prisma, "plan"), page, {}, { field: "deadline", direction: "asc", nullable: true, isDate: true });
  }

  @FieldResolver(() => Organization, { nullable: true, description: "Who is to carry it out." })
  responsibleOrganization(@Root() plan: Plan, @Ctx() { loaders }: Context) {
    return plan.responsibleOrganizationId ? loaders.byId("organization").load(plan.responsibleOrganizationId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "Whom it is aimed at." })
  targetOrganization(@Root() plan: Plan, @Ctx() { loaders }: Context) {
    return plan.targetOrganizationId ? loaders.byId("organization").load(plan.targetOrganizationId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "Who approved it." })
  approvedBy(@Root() plan: Plan, @Ctx() { loaders }: Context) {
    return plan.approvedById ? loaders.byId("organization").load(plan.approvedById) : null;
  }
}
