import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { always, and, type Condition, equals, related } from "../../read/condition";
import { CeasefireConnection } from "../ceasefire/ceasefire.type";
import { connectionFromList } from "../common/list-connection";
import { toOrdering } from "../common/order";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import { nameContains } from "../common/search";
import type { Context } from "../context";
import { RolesArgs } from "../person-role/person-role.args";
import { askedRows, readModel } from "../../read/read-model";
import { Country } from "../country/country.type";
import { reportedIn } from "../common/keys";
import { MeetingConnection } from "../meeting/meeting.type";
import { PersonRoleConnection } from "../person-role/person-role.type";
import { PlanConnection } from "../plan/plan.type";
import { StatementConnection } from "../statement/statement.type";
import {
  type OrganizationFilter,
  OrganizationOrderField,
  organizationOrderings,
  OrganizationsArgs,
} from "./organization.args";
import { Organization, OrganizationConnection } from "./organization.type";
import { AgreementConnection } from "../agreement/agreement.type";
import { BodyMemberConnection } from "../actor/actor-unions";
import { TermConnection } from "../term/term.type";
import { VoteConnection } from "../vote/vote.type";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: "One organization by id." })
  organization(@Arg("id", () => ID, { description: "The organization's id." }) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "organization", id);
  }

  @Query(() => Organization, { nullable: true, description: "One organization by slug, e.g. `hezbollah`." })
  organizationBySlug(@Arg("slug", { description: "The organization's slug." }) slug: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "organization", slug, "slug");
  }

  @Query(() => OrganizationConnection, { description: "Organizations, by name; searchable by name and acronym." })
  async organizations(@Args() { filter, orderBy, ...page }: OrganizationsArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const ordering = toOrdering(organizationOrderings, orderBy, OrganizationOrderField.NAME);
    return paginate(loaders.pagesFor(info, "organization"), page, organizationWhere(filter), ordering);
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country it belongs to or is based in." })
  country(@Root() organization: Organization, @Ctx() { loaders }: Context) {
    return loaders.related(organization, "Organization", "country");
  }

  @FieldResolver(() => PersonRoleConnection, { description: "Roles people hold or held in it, by title; `activeOn` keeps those held on a day." })
  async roles(@Root() organization: Organization, @Args() { activeOn, ...page }: RolesArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(askedRows(readModel.Organization.relations.roles, await loaders.related(organization, "Organization", "roles"), { activeOn }), page);
  }

  @FieldResolver(() => MeetingConnection, { description: "Meetings it hosted, alone or with others, by date." })
  async hostedMeetings(@Root() organization: Organization, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(organization, "Organization", "hostedMeetings"), page);
  }

  @FieldResolver(() => CeasefireConnection, { description: "Ceasefires it is a party to, newest first." })
  async ceasefires(@Root() organization: Organization, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(organization, "Organization", "ceasefires"), page);
  }

  @FieldResolver(() => StatementConnection, { description: "What it said, announced or reported, alone or with others, by date." })
  async statements(@Root() organization: Organization, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(organization, "Organization", "statements"), page);
  }

  @FieldResolver(() => PlanConnection, { description: "Plans it is responsible for carrying out." })
  async plans(@Root() organization: Organization, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(organization, "Organization", "plans"), page);
  }

  @FieldResolver(() => PlanConnection, { description: "Plans aimed at it (e.g. to disarm it)." })
  async targetedBy(@Root() organization: Organization, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(organization, "Organization", "targetedBy"), page);
  }

  @FieldResolver(() => AgreementConnection, { description: "Agreements it signed, by signing date." })
  async agreementsSigned(@Root() organization: Organization, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(organization, "Organization", "agreementsSigned"), page);
  }

  @FieldResolver(() => BodyMemberConnection, { description: "When it is a body: who chairs it, by name." })
  async chairs(@Root() organization: Organization, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(organization, "Organization", "chairs"), page);
  }

  @FieldResolver(() => BodyMemberConnection, { description: "When it is a body: its members other than the chairs, by name." })
  async members(@Root() organization: Organization, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(organization, "Organization", "members"), page);
  }

  @FieldResolver(() => OrganizationConnection, { description: "The bodies it chairs or belongs to, by name." })
  async bodies(@Root() organization: Organization, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(organization, "Organization", "bodies"), page);
  }

  @FieldResolver(() => CeasefireConnection, { description: "When it is a body: the ceasefires it monitors, newest first." })
  async monitoredCeasefires(@Root() organization: Organization, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(organization, "Organization", "monitoredCeasefires"), page);
  }

  @FieldResolver(() => TermConnection, { description: "Terms of ceasefires and agreements that bind it, by deadline." })
  async terms(@Root() organization: Organization, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(organization, "Organization", "terms"), page);
  }

  @FieldResolver(() => VoteConnection, { description: "When it is a body: the votes it held, by date." })
  async votes(@Root() organization: Organization, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(organization, "Organization", "votes"), page);
  }
}

function organizationWhere(filter: OrganizationFilter | null | undefined): Condition {
  if (!filter) return always;
  const conditions: Condition[] = [];
  if (filter.name != null) conditions.push(nameContains(filter.name, "filter.name"));
  if (filter.countryCode) conditions.push(related("country", equals("code", filter.countryCode.toUpperCase())));
  if (filter.kind) conditions.push(equals("kind", filter.kind));
  if (filter.reportedIn) conditions.push(reportedIn("ORGANIZATION", filter.reportedIn));
  return and(...conditions);
}
