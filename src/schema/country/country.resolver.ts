import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { CeasefireConnection } from "../ceasefire/ceasefire.type";
import { connectionFromList } from "../common/list-connection";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { DelegationConnection } from "../delegation/delegation.type";
import { reader } from "../../database/rows";
import { OrganizationConnection } from "../organization/organization.type";
import { PersonConnection } from "../person/person.type";
import { Country, CountryConnection } from "./country.type";

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: "One country by id." })
  country(@Arg("id", () => ID, { description: "The country's id." }) id: string, @Ctx() { loaders }: Context) {
    return loaders.byId("country").load(id);
  }

  @Query(() => Country, { nullable: true, description: "One country by its ISO 3166-1 alpha-2 code." })
  countryByCode(@Arg("code", { description: "ISO code, e.g. `IL`." }) code: string, @Ctx() { loaders }: Context) {
    return loaders.byUnique("country", "code").load(code.toUpperCase());
  }

  @Query(() => CountryConnection, { description: "All countries, by ISO code." })
  countries(@Args() page: PaginationArgs, @Ctx() { prisma }: Context) {
    return paginate(reader(prisma, "country"), page, {}, { field: "code", direction: "asc", nullable: false });
  }

  @FieldResolver(() => PersonConnection, { description: "People of this nationality, by name." })
  async people(@Root() country: Country, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.manyBy("person", "nationalityId", [{ name: "asc" }]).load(country.id), page);
  }

  @FieldResolver(() => OrganizationConnection, { description: "Organizations based in this country, by name." })
  async organizations(@Root() country: Country, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    const organizations = await loaders.manyBy("organization", "countryId", [{ name: "asc" }]).load(country.id);
    return connectionFromList(organizations, page);
  }

  @FieldResolver(() => DelegationConnection, { description: "This country's delegations to meetings, by meeting date." })
  async delegations(@Root() country: Country, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    const delegations = await loaders
      .manyBy("delegation", "countryId", [{ meeting: { date: "asc" } }])
      .load(country.id);
    return connectionFromList(delegations, page);
  }

  @FieldResolver(() => CeasefireConnection, { description: "Ceasefires this country is a party to." })
  async ceasefires(@Root() country: Country, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.ceasefiresOfParty("countryId").load(country.id), page);
  }
}
