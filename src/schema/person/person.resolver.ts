import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { always, and, type Condition, equals, related } from "../../read/condition";
import { connectionFromList } from "../common/list-connection";
import { toOrdering } from "../common/order";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import { nameContains } from "../common/search";
import type { Context } from "../context";
import { RolesArgs } from "../person-role/person-role.args";
import { askedRows, readModel } from "../../read/read-model";
import { Country } from "../country/country.type";
import { DelegationConnection } from "../delegation/delegation.type";
import { DelegationMemberConnection } from "../delegation-member/delegation-member.type";
import { referencing, reportedIn } from "../common/keys";
import { MeetingConnection } from "../meeting/meeting.type";
import { PersonRoleConnection } from "../person-role/person-role.type";
import { StatementConnection } from "../statement/statement.type";
import { PeopleArgs, type PersonFilter, PersonOrderField, personOrderings } from "./person.args";
import { Person, PersonConnection } from "./person.type";
import { AgreementConnection } from "../agreement/agreement.type";
import { OrganizationConnection } from "../organization/organization.type";

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "One person by id." })
  person(
    @Arg("id", () => ID, { description: "The person's id." }) id: string,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return loaders.oneBy(info, "person", id);
  }

  @Query(() => Person, { nullable: true, description: "One person by slug, e.g. `simon-karam`." })
  personBySlug(
    @Arg("slug", { description: "The person's slug." }) slug: string,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return loaders.oneBy(info, "person", slug, "slug");
  }

  @Query(() => PersonConnection, { description: "People, by name unless ordered otherwise; searchable by name." })
  async people(
    @Args() { filter, orderBy, ...page }: PeopleArgs,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const ordering = toOrdering(personOrderings, orderBy, PersonOrderField.NAME);
    // The page and the relations its nodes select, filter included, in one statement.
    return paginate(loaders.pagesFor(info, "person"), page, personWhere(filter), ordering);
  }

  @FieldResolver(() => Country, { nullable: true, description: "The person's nationality, when known." })
  nationality(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.related(person, "Person", "nationality");
  }

  @FieldResolver(() => PersonRoleConnection, { description: "Titles and offices the person holds or held, by title; `activeOn` keeps those held on a day." })
  async roles(@Root() person: Person, @Args() { activeOn, ...page }: RolesArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(askedRows(readModel.Person.relations.roles, await loaders.related(person, "Person", "roles"), { activeOn }), page);
  }

  @FieldResolver(() => DelegationConnection, { description: "Delegations the person led or belonged to." })
  async delegations(@Root() person: Person, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(person, "Person", "delegations"), page);
  }

  @FieldResolver(() => DelegationConnection, { description: "Delegations the person led, by meeting date." })
  async ledDelegations(@Root() person: Person, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(person, "Person", "ledDelegations"), page);
  }

  @FieldResolver(() => DelegationMemberConnection, {
    description: "The person's places in delegations (other than as leader), by meeting date.",
  })
  async memberships(@Root() person: Person, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(person, "Person", "memberships"), page);
  }

  @FieldResolver(() => MeetingConnection, { description: "Meetings the person attended in a delegation, by date." })
  async meetings(@Root() person: Person, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(person, "Person", "meetings"), page);
  }

  @FieldResolver(() => MeetingConnection, { description: "Meetings the person mediated, by date." })
  async mediatedMeetings(@Root() person: Person, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(person, "Person", "mediatedMeetings"), page);
  }

  @FieldResolver(() => MeetingConnection, { description: "Meetings the person hosted (a head of state receiving an envoy), alone or with others, by date." })
  async hostedMeetings(@Root() person: Person, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(person, "Person", "hostedMeetings"), page);
  }

  @FieldResolver(() => StatementConnection, { description: "What the person said or announced, alone or with others, by date." })
  async statements(@Root() person: Person, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(person, "Person", "statements"), page);
  }

  @FieldResolver(() => AgreementConnection, { description: "Agreements the person signed, by signing date." })
  async agreementsSigned(@Root() person: Person, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(person, "Person", "agreementsSigned"), page);
  }

  @FieldResolver(() => OrganizationConnection, { description: "The bodies the person chairs or belongs to, by name." })
  async bodies(@Root() person: Person, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(person, "Person", "bodies"), page);
  }
}

function personWhere(filter: PersonFilter | null | undefined): Condition {
  if (!filter) return always;
  const conditions: Condition[] = [];
  if (filter.name != null) conditions.push(nameContains(filter.name, "filter.name"));
  if (filter.countryCode) conditions.push(related("nationality", equals("code", filter.countryCode.toUpperCase())));
  if (filter.organizationId) {
    conditions.push(related("roles", referencing("personRole", "organization", filter.organizationId, "filter.organizationId")));
  }
  if (filter.reportedIn) conditions.push(reportedIn("PERSON", filter.reportedIn));
  return and(...conditions);
}
