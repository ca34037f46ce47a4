import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { DelegationMember } from "../delegation-member/delegation-member.type";
import { Meeting } from "../meeting/meeting.type";
import { Person } from "../person/person.type";
import { Delegation } from "./delegation.type";

@Resolver(() => Delegation)
export class DelegationResolver {
  @Query(() => Delegation, { nullable: true, description: "One delegation by id." })
  delegation(@Arg("id", () => ID, { description: "The delegation's id." }) id: string, @Ctx() { loaders }: Context) {
    return loaders.byId("delegation").load(id);
  }

  @FieldResolver(() => Meeting, { description: "The meeting it attended." })
  meeting(@Root() delegation: Delegation, @Ctx() { loaders }: Context) {
    return loaders.byId("meeting").load(delegation.meetingId);
  }

  @FieldResolver(() => Country, { description: "The country it represented." })
  country(@Root() delegation: Delegation, @Ctx() { loaders }: Context) {
    return loaders.byId("country").load(delegation.countryId);
  }

  @FieldResolver(() => Person, { nullable: true, description: "Who led it; null when not reported." })
  leader(@Root() delegation: Delegation, @Ctx() { loaders }: Context) {
    return delegation.leaderId ? loaders.byId("person").load(delegation.leaderId) : null;
  }

  @FieldResolver(() => [DelegationMember], { description: "Its members other than the leader, with their roles." })
  members(@Root() delegation: Delegation, @Ctx() { loaders }: Context) {
    return loaders.manyBy("delegationMember", "delegationId", [{ person: { name: "asc" } }]).load(delegation.id);
  }
}
