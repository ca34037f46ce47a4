import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { ConnectionType } from "../common/connection";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { Delegation } from "../delegation/delegation.type";
import { DelegationMember } from "../delegation-member/delegation-member.type";
import { reader } from "../loaders/rows";
import { Meeting } from "../meeting/meeting.type";
import { PersonRole } from "../person-role/person-role.type";
import { Statement } from "../statement/statement.type";
import { Person } from "./person.type";

const PersonConnection = ConnectionType("Person", Person, "person");

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: "One person by id." })
  person(@Arg("id", () => ID, { description: "The person's id." }) id: string, @Ctx() { loaders }: Context) {
    return loaders.byId("person").load(id);
  }

  @Query(() => Person, { nullable: true, description: "One person by slug, e.g. `simon-karam`." })
  personBySlug(@Arg("slug", { description: "The person's slug." }) slug: string, @Ctx() { loaders }: Context) {
    return loaders.byUnique("person", "slug").load(slug);
  }

  @Query(() => PersonConnection, { description: "All people, by name." })
  people(@Args() page: PaginationArgs, @Ctx() { prisma }: Context) {
    return paginate(reader(prisma, "person"), page, {}, { field: "name", direction: "asc", nullable: false });
  }

  @FieldResolver(() => Country, { nullable: true, description: "The person's nationality, when known." })
  nationality(@Root() person: Person, @Ctx() { loaders }: Context) {
    return person.nationalityId ? loaders.byId("country").load(person.nationalityId) : null;
  }

  @FieldResolver(() => [PersonRole], { description: "Titles and offices the person holds or held." })
  roles(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.manyBy("personRole", "personId", [{ title: "asc" }]).load(person.id);
  }

  @FieldResolver(() => [Delegation], { description: "Delegations the person led or belonged to." })
  delegations(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.delegationsOfPerson().load(person.id);
  }

  @FieldResolver(() => [Delegation], { description: "Delegations the person led." })
  ledDelegations(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.manyBy("delegation", "leaderId", [{ meeting: { date: "asc" } }]).load(person.id);
  }

  @FieldResolver(() => [DelegationMember], { description: "The person's places in delegations (not as leader)." })
  memberships(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.manyBy("delegationMember", "personId", [{ delegation: { meeting: { date: "asc" } } }]).load(person.id);
  }

  @FieldResolver(() => [Meeting], { description: "Meetings the person attended in a delegation, by date." })
  meetings(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.meetingsOfPerson().load(person.id);
  }

  @FieldResolver(() => [Meeting], { description: "Meetings the person mediated, by date." })
  mediatedMeetings(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.manyBy("meeting", "mediatorId", [{ date: "asc" }, { slug: "asc" }]).load(person.id);
  }

  @FieldResolver(() => [Statement], { description: "What the person said or announced." })
  statements(@Root() person: Person, @Ctx() { loaders }: Context) {
    return loaders.manyBy("statement", "speakerPersonId", [{ date: "asc" }, { slug: "asc" }]).load(person.id);
  }
}
