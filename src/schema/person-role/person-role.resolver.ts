import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { Organization } from "../organization/organization.type";
import { Person } from "../person/person.type";
import { PersonRole } from "./person-role.type";

@Resolver(() => PersonRole)
export class PersonRoleResolver {
  @FieldResolver(() => Person, { description: "Who holds or held the role." })
  person(@Root() role: PersonRole, @Ctx() { loaders }: Context) {
    return loaders.related(role, "PersonRole", "person");
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organization the role belongs to." })
  organization(@Root() role: PersonRole, @Ctx() { loaders }: Context) {
    return loaders.related(role, "PersonRole", "organization");
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country the role serves." })
  country(@Root() role: PersonRole, @Ctx() { loaders }: Context) {
    return loaders.related(role, "PersonRole", "country");
  }
}
