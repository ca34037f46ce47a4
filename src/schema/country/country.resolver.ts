import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { CeasefireConnection } from "../ceasefire/ceasefire.type";
import { connectionFromList } from "../common/list-connection";
import { and, type Condition } from "../../read/condition";
import { reportedIn } from "../common/keys";
import { toOrdering } from "../common/order";
import { nameContains } from "../common/search";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { DelegationConnection } from "../delegation/delegation.type";
import { OrganizationConnection } from "../organization/organization.type";
import { PersonConnection } from "../person/person.type";
import { CountriesArgs, type CountryFilter, CountryOrderField, countryOrderings } from "./country.args";
import { Country, CountryConnection } from "./country.type";
import { AgreementConnection } from "../agreement/agreement.type";
import { TermConnection } from "../term/term.type";
import { MeetingConnection } from "../meeting/meeting.type";
import { StatementConnection } from "../statement/statement.type";

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: "One country by id." })
  country(@Arg("id", () => ID, { description: "The country's id." }) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "country", id);
  }

  @Query(() => Country, { nullable: true, description: "One country by its ISO 3166-1 alpha-2 code." })
  countryByCode(@Arg("code", { description: "ISO code, e.g. `IL`." }) code: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "country", code.toUpperCase(), "code");
  }

  @Query(() => CountryConnection, { description: "Countries, by ISO code unless ordered otherwise; searchable by name." })
  countries(@Args() { filter, orderBy, ...page }: CountriesArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const ordering = toOrdering(countryOrderings, orderBy, CountryOrderField.CODE);
    return paginate(loaders.pagesFor(info, "country"), page, countryWhere(filter), ordering);
  }

  @FieldResolver(() => PersonConnection, { description: "People of this nationality, by name." })
  async people(@Root() country: Country, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(country, "Country", "people"), page);
  }

  @FieldResolver(() => OrganizationConnection, { description: "Organizations based in this country, by name." })
  async organizations(@Root() country: Country, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(country, "Country", "organizations"), page);
  }

  @FieldResolver(() => DelegationConnection, { description: "This country's delegations to meetings, by meeting date." })
  async delegations(@Root() country: Country, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(country, "Country", "delegations"), page);
  }

  @FieldResolver(() => CeasefireConnection, { description: "Ceasefires this country is a party to, newest first." })
  async ceasefires(@Root() country: Country, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(country, "Country", "ceasefires"), page);
  }

  @FieldResolver(() => AgreementConnection, { description: "Agreements it signed, by signing date." })
  async agreementsSigned(@Root() country: Country, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(country, "Country", "agreementsSigned"), page);
  }

  @FieldResolver(() => OrganizationConnection, { description: "The bodies it chairs or belongs to, by name." })
  async bodies(@Root() country: Country, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(country, "Country", "bodies"), page);
  }

  @FieldResolver(() => TermConnection, { description: "Terms of ceasefires and agreements that bind it, by deadline." })
  async terms(@Root() country: Country, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(country, "Country", "terms"), page);
  }

  @FieldResolver(() => MeetingConnection, { description: "Meetings it hosted, alone or with others, by date." })
  async hostedMeetings(@Root() country: Country, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(country, "Country", "hostedMeetings"), page);
  }

  @FieldResolver(() => StatementConnection, { description: "Statements it made, alone or with others, by date." })
  async statements(@Root() country: Country, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(country, "Country", "statements"), page);
  }
}

function countryWhere(filter: CountryFilter | null | undefined): Condition {
  const conditions: Condition[] = [];
  if (filter?.name != null) conditions.push(nameContains(filter.name, "filter.name"));
  if (filter?.reportedIn) conditions.push(reportedIn("COUNTRY", filter.reportedIn));
  return and(...conditions);
}
