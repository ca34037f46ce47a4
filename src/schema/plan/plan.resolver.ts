import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { always, and, type Condition, or } from "../../read/condition";
import { withinDates } from "../common/date-range";
import { referencing, reportedIn } from "../common/keys";
import { toOrdering } from "../common/order";
import { paginate } from "../common/paginate";
import type { Context } from "../context";
import { Organization } from "../organization/organization.type";
import { type PlanFilter, PlanOrderField, planOrderings, PlansArgs } from "./plan.args";
import { Plan, PlanConnection } from "./plan.type";
import { Ceasefire } from "../ceasefire/ceasefire.type";
import { Agreement } from "../agreement/agreement.type";
import { VoteConnection } from "../vote/vote.type";
import { connectionFromList } from "../common/list-connection";
import { PaginationArgs } from "../common/pagination.args";

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => Plan, { nullable: true, description: "One plan by id." })
  plan(@Arg("id", () => ID, { description: "The plan's id." }) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "plan", id);
  }

  @Query(() => Plan, { nullable: true, description: "One plan by slug, e.g. `lebanese-army-hezbollah-disarmament-plan`." })
  planBySlug(@Arg("slug", { description: "The plan's slug." }) slug: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "plan", slug, "slug");
  }

  @Query(() => PlanConnection, { description: "Plans, by deadline (none last) unless ordered otherwise." })
  plans(@Args() { filter, orderBy, ...page }: PlansArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const ordering = toOrdering(planOrderings, orderBy, PlanOrderField.DEADLINE);
    return paginate(loaders.pagesFor(info, "plan"), page, planWhere(filter), ordering);
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

  @FieldResolver(() => Ceasefire, { nullable: true, description: "The ceasefire it carries out." })
  ceasefire(@Root() plan: Plan, @Ctx() { loaders }: Context) {
    return loaders.related(plan, "Plan", "ceasefire");
  }

  @FieldResolver(() => Agreement, { nullable: true, description: "The agreement it carries out." })
  agreement(@Root() plan: Plan, @Ctx() { loaders }: Context) {
    return loaders.related(plan, "Plan", "agreement");
  }

  @FieldResolver(() => VoteConnection, { description: "Votes about it, by date." })
  async votes(@Root() plan: Plan, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(plan, "Plan", "votes"), page);
  }
}

function planWhere(filter: PlanFilter | null | undefined): Condition {
  if (!filter) return always;
  const conditions = withinDates("deadline", filter);
  if (filter.organizationId) {
    const organization = (relation: string) => referencing("plan", relation, filter.organizationId!, "filter.organizationId");
    conditions.push(or(organization("responsibleOrganization"), organization("targetOrganization"), organization("approvedBy")));
  }
  if (filter.reportedIn) conditions.push(reportedIn("PLAN", filter.reportedIn));
  return and(...conditions);
}
