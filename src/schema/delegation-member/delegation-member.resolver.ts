import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Delegation } from "../delegation/delegation.type";
import { Person } from "../person/person.type";
import { DelegationMember } from "./delegation-member.type";

@Resolver(() => DelegationMember)
export class DelegationMemberResolver {
  @FieldResolver(() => Person, { description: "The member." })
  person(@Root() member: DelegationMember, @Ctx() { loaders }: Context) {
    return loaders.related(member, "DelegationMember", "person");
  }

  @FieldResolver(() => Delegation, { description: "The delegation." })
  delegation(@Root() member: DelegationMember, @Ctx() { loaders }: Context) {
    return loaders.related(member, "DelegationMember", "delegation");
  }
}
