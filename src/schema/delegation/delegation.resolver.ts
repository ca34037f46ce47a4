import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { connectionFromList } from "../common/list-connection";
import { PaginationArgs } from "../common/pagination.args";
import { DelegationMemberConnection } from "../delegation-member/delegation-member.type";
import { Meeting } from "../meeting/meeting.type";
import { Person } from "../person/person.type";
import { Delegation } from "./delegation.type";

@Resolver(() => Delegation)
export class DelegationResolver {
  @Query(() => Delegation, { nullable: true, description: "One delegation by id." })
  delegation(
    @Arg("id", () => ID, { description: "The delegation's id." }) id: string,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return loaders.oneBy(info, "delegation", id);
  }

  @FieldResolver(() => Meeting, { description: "The meeting it attended." })
  meeting(@Root() delegation: Delegation, @Ctx() { loaders }: Context) {
    return loaders.related(delegation, "Delegation", "meeting");
  }

  @FieldResolver(() => Country, { description: "The country it represented." })
  country(@Root() delegation: Delegation, @Ctx() { loaders }: Context) {
    return loaders.related(delegation, "Delegation", "country");
  }

  @FieldResolver(() => Person, { nullable: true, description: "Who led it; null when not reported." })
  leader(@Root() delegation: Delegation, @Ctx() { loaders }: Context) {
    return loaders.related(delegation, "Delegation", "leader");
  }

  @FieldResolver(() => DelegationMemberConnection, {
    description: "Its members other than the leader, with their roles, by name.",
  })
  async members(@Root() delegation: Delegation, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(delegation, "Delegation", "members"), page);
  }
}
