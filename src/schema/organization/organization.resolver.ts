import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Ceasefire } from "../ceasefire/ceasefire.type";
import { ConnectionType } from "../common/connection";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { reader } from "../loaders/rows";
import { Meeting } from "../meeting/meeting.type";
import { PersonRole } from "../person-role/person-role.type";
import { Plan } from "../plan/plan.type";
import { Statement } from "../statement/statement.type";
import { Organization } from "./organization.type";

const OrganizationConnection = ConnectionType("Organization", Organization, "organization");

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true, description: "One organization by id." })
  organization(@Arg("id", () => ID, { description: "The organization's id." }) id: string, @Ctx() { loaders }: Context) {
    return loaders.byId("organization").load(id);
  }

  @Query(() => Organization, { nullable: true, description: "One organization by slug, e.g. `hezbollah`." })
  organizationBySlug(@Arg("slug", { description: "The organization's slug." }) slug: string, @Ctx() { loaders }: Context) {
    return loaders.byUnique("organization", "slug").load(slug);
  }

  @Query(() => OrganizationConnection, { description: "All organizations, by name." })
  organizations(@Args() page: PaginationArgs, @Ctx() { prisma }: Context) {
    return paginate(reader(prisma, "organization"), page, {}, { field: "name", direction: "asc", nullable: false });
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country it belongs to or is based in." })
  country(@Root() organization: Organization, @Ctx() { loaders }: Context) {
    return organization.countryId ? loaders.byId("country").load(organization.countryId) : null;
  }

  @FieldResolver(() => [PersonRole], { description: "Roles people hold or held in it." })
  roles(@Root() organization: Organization, @Ctx() { loaders }: Context) {
    return loaders.manyBy("personRole", "organizationId", [{ title: "asc" }]).load(organization.id);
  }

  @FieldResolver(() => [Meeting], { description: "Meetings it hosted, by date." })
  hostedMeetings(@Root() organization: Organization, @Ctx() { loaders }: Context) {
    return loaders.manyBy("meeting", "hostId", [{ date: "asc" }, { slug: "asc" }]).load(organization.id);
  }

  @FieldResolver(() => [Ceasefire], { description: "Ceasefires it is a party to." })
  ceasefires(@Root() organization: Organization, @Ctx() { loaders }: Context) {
    return loaders.ceasefiresOfParty("organizationId").load(organization.id);
  }

  @FieldResolver(() => [Statement], { description: "What it said, announced or reported." })
  statements(@Root() organization: Organization, @Ctx() { loaders }: Context) {
    return loaders.manyBy("statement", "speakerOrganizationId", [{ date: "asc" }, { slug: "asc" }]).load(organization.id);
  }

  @FieldResolver(() => [Plan], { description: "Plans it is responsible for carrying out." })
  plans(@Root() organization: Organization, @Ctx() { loaders }: Context) {
    return loaders.manyBy("plan", "responsibleOrganizationId", [{ slug: "asc" }]).load(organization.id);
  }

  @FieldResolver(() => [Plan], { description: "Plans aimed at it (e.g. to disarm it)." })
  targetedBy(@Root() organization: Organization, @Ctx() { loaders }: Context) {
    return loaders.manyBy("plan", "targetOrganizationId", [{ slug: "asc" }]).load(organization.id);
  }
}
