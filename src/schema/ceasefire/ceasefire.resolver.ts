import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { always, and, type Condition, equals, related } from "../../read/condition";
import { GroupCount } from "../common/group-count";
import { connectionFromList } from "../common/list-connection";
import { OrderDirection, toOrdering } from "../common/order";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { referencing, reportedIn } from "../common/keys";
import { MeetingConnection } from "../meeting/meeting.type";
import { ReportedFigureConnection } from "../reported-figure/reported-figure.type";
import { StatementConnection } from "../statement/statement.type";
import { CeasefireFilter, CeasefireGrouping, ceasefireGroupings, CeasefireOrderField, ceasefireOrderings, CeasefiresArgs } from "./ceasefire.args";
import { Ceasefire, CeasefireConnection, CeasefirePartyConnection } from "./ceasefire.type";
import { Agreement } from "../agreement/agreement.type";
import { MediatorConnection } from "../actor/actor-unions";
import { Organization } from "../organization/organization.type";
import { TermConnection } from "../term/term.type";
import { PlanConnection } from "../plan/plan.type";
import { VoteConnection } from "../vote/vote.type";

@Resolver(() => Ceasefire)
export class CeasefireResolver {
  @Query(() => Ceasefire, { nullable: true, description: "One ceasefire by id." })
  ceasefire(@Arg("id", () => ID, { description: "The ceasefire's id." }) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "ceasefire", id);
  }

  @Query(() => Ceasefire, { nullable: true, description: "One ceasefire by slug, e.g. `israel-hezbollah-ceasefire-2024`." })
  ceasefireBySlug(@Arg("slug", { description: "The ceasefire's slug." }) slug: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "ceasefire", slug, "slug");
  }

  @Query(() => CeasefireConnection, { description: "Ceasefires, newest first unless ordered otherwise." })
  async ceasefires(@Args() { filter, orderBy, ...page }: CeasefiresArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const ordering = toOrdering(ceasefireOrderings, orderBy, CeasefireOrderField.START_DATE, OrderDirection.DESC);
    return paginate(loaders.pagesFor(info, "ceasefire"), page, ceasefireWhere(filter), ordering);
  }

  @Query(() => [GroupCount], { description: "How many ceasefires match the filter, by group: per status, per party..." })
  ceasefireCounts(
    @Arg("by", () => CeasefireGrouping, { description: "What to count them by." }) by: CeasefireGrouping,
    @Arg("filter", () => CeasefireFilter, { nullable: true, description: "Only ceasefires that match." }) filter: CeasefireFilter | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.groupCounts("ceasefire", ceasefireWhere(filter), ceasefireGroupings[by]);
  }

  @FieldResolver(() => CeasefirePartyConnection, { description: "The parties it binds, by name." })
  async parties(@Root() ceasefire: Ceasefire, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(ceasefire, "Ceasefire", "parties"), page);
  }

  @FieldResolver(() => ReportedFigureConnection, { description: "Figures reported about it (strikes, casualties...)." })
  async figures(@Root() ceasefire: Ceasefire, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(ceasefire, "Ceasefire", "figures"), page);
  }

  @FieldResolver(() => StatementConnection, { description: "Statements about it, by date." })
  async statements(@Root() ceasefire: Ceasefire, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(ceasefire, "Ceasefire", "statements"), page);
  }

  @FieldResolver(() => MeetingConnection, { description: "Meetings held within its framework, by date." })
  async meetings(@Root() ceasefire: Ceasefire, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(ceasefire, "Ceasefire", "meetings"), page);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: "The agreement that set it." })
  agreement(@Root() ceasefire: Ceasefire, @Ctx() { loaders }: Context) {
    return loaders.related(ceasefire, "Ceasefire", "agreement");
  }

  @FieldResolver(() => MediatorConnection, { description: "Who mediated it: countries, organizations and people, by name." })
  async mediators(@Root() ceasefire: Ceasefire, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(ceasefire, "Ceasefire", "mediators"), page);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The body that monitors it." })
  monitoringBody(@Root() ceasefire: Ceasefire, @Ctx() { loaders }: Context) {
    return loaders.related(ceasefire, "Ceasefire", "monitoringBody");
  }

  @FieldResolver(() => TermConnection, { description: "Its terms, by deadline." })
  async terms(@Root() ceasefire: Ceasefire, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(ceasefire, "Ceasefire", "terms"), page);
  }

  @FieldResolver(() => PlanConnection, { description: "Plans that carry it out, by deadline." })
  async plans(@Root() ceasefire: Ceasefire, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(ceasefire, "Ceasefire", "plans"), page);
  }

  @FieldResolver(() => VoteConnection, { description: "Votes about it, by date." })
  async votes(@Root() ceasefire: Ceasefire, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(ceasefire, "Ceasefire", "votes"), page);
  }
}

function ceasefireWhere(filter: CeasefireFilter | null | undefined): Condition {
  if (!filter) return always;
  const conditions: Condition[] = [];
  if (filter.partyCountryCode) {
    conditions.push(related("parties", related("country", equals("code", filter.partyCountryCode.toUpperCase()))));
  }
  if (filter.partyOrganizationId) {
    conditions.push(related("parties", referencing("ceasefireParty", "organization", filter.partyOrganizationId, "filter.partyOrganizationId")));
  }
  if (filter.status) conditions.push(equals("status", filter.status));
  if (filter.reportedIn) conditions.push(reportedIn("CEASEFIRE", filter.reportedIn));
  return and(...conditions);
}
