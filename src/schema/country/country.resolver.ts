import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Ceasefire } from "../ceasefire/ceasefire.type";
import { ConnectionType } from "../common/connection";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { Delegation } from "../delegation/delegation.type";
import { reader } from "../loaders/rows";
import { Organization } from "../organization/organization.type";
import { Person } from "../person/person.type";
import { Country } from "./country.type";

const CountryConnection = ConnectionType("Country", Country, "country");

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

  @FieldResolver(() => [Person], { description: "People of this nationality, by name." })
  people(@Root() country: Country, @Ctx() { loaders }: Context) {
    return loaders.manyBy("person", "nationalityId", [{ name: "asc" }]).load(country.id);
  }

  @FieldResolver(() => [Organization], { description: "Organizations based in this country, by name." })
  organizations(@Root() country: Country, @Ctx() { loaders }: Context) {
    return loaders.manyBy("organization", "countryId", [{ name: "asc" }]).load(country.id);
  }

  @FieldResolver(() => [Delegation], { description: "This country's delegations to meetings." })
  delegations(@Root() country: Country, @Ctx() { loaders }: Context) {
    return loaders.manyBy("delegation", "countryId", [{ meeting: { date: "asc" } }]).load(country.id);
  }

  @FieldResolver(() => [Ceasefire], { description: "Ceasefires this country is a party to." })
  ceasefires(@Root() country: Country, @Ctx() { loaders }: Context) {
    return loaders.ceasefiresOfParty("countryId").load(country.id);
  }
}
