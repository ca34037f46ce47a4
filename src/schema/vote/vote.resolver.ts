import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { BadUserInputError } from "../../errors";
import { always, and, type Condition, equals } from "../../read/condition";
import { Agreement } from "../agreement/agreement.type";
import { Ceasefire } from "../ceasefire/ceasefire.type";
import { withinDates } from "../common/date-range";
import { reachingAny, referencing, reportedIn } from "../common/keys";
import { toOrdering } from "../common/order";
import { paginate } from "../common/paginate";
import type { Context } from "../context";
import { Meeting } from "../meeting/meeting.type";
import { Organization } from "../organization/organization.type";
import { Place } from "../place/place.type";
import { Plan } from "../plan/plan.type";
import { type VoteFilter, VoteOrderField, voteOrderings, VotesArgs } from "./vote.args";
import { Vote, VoteConnection } from "./vote.type";

@Resolver(() => Vote)
export class VoteResolver {
  @Query(() => Vote, { nullable: true, description: "One vote by id." })
  vote(@Arg("id", () => ID, { description: "The vote's id." }) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "vote", id);
  }

  @Query(() => Vote, { nullable: true, description: "One vote by slug, e.g. `israel-security-cabinet-approves-lebanon-ceasefire`." })
  voteBySlug(@Arg("slug", { description: "The vote's slug." }) slug: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "vote", slug, "slug");
  }

  @Query(() => VoteConnection, { description: "Votes, by date (undated last) unless ordered otherwise." })
  votes(@Args() { filter, orderBy, ...page }: VotesArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const ordering = toOrdering(voteOrderings, orderBy, VoteOrderField.DATE);
    return paginate(loaders.pagesFor(info, "vote"), page, voteWhere(filter), ordering);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The body that voted." })
  body(@Root() vote: Vote, @Ctx() { loaders }: Context) {
    return loaders.related(vote, "Vote", "body");
  }

  @FieldResolver(() => Place, { nullable: true, description: "Where it was held." })
  place(@Root() vote: Vote, @Ctx() { loaders }: Context) {
    return loaders.related(vote, "Vote", "place");
  }

  @FieldResolver(() => Meeting, { nullable: true, description: "The meeting it was held at." })
  meeting(@Root() vote: Vote, @Ctx() { loaders }: Context) {
    return loaders.related(vote, "Vote", "meeting");
  }

  @FieldResolver(() => Ceasefire, { nullable: true, description: "The ceasefire it was about." })
  ceasefire(@Root() vote: Vote, @Ctx() { loaders }: Context) {
    return loaders.related(vote, "Vote", "ceasefire");
  }

  @FieldResolver(() => Agreement, { nullable: true, description: "The agreement it was about." })
  agreement(@Root() vote: Vote, @Ctx() { loaders }: Context) {
    return loaders.related(vote, "Vote", "agreement");
  }

  @FieldResolver(() => Plan, { nullable: true, description: "The plan it was about." })
  plan(@Root() vote: Vote, @Ctx() { loaders }: Context) {
    return loaders.related(vote, "Vote", "plan");
  }
}

function voteWhere(filter: VoteFilter | null | undefined): Condition {
  if (!filter) return always;
  const conditions = withinDates("date", filter);
  if (filter.bodyId) conditions.push(referencing("vote", "body", filter.bodyId, "filter.bodyId"));
  if (filter.about) {
    const about = reachingAny("vote", [["ceasefire"], ["agreement"], ["plan"]], filter.about);
    if (!about) throw new BadUserInputError("`filter.about` is not a valid id or slug.", "filter.about");
    conditions.push(about);
  }
  if (filter.outcome) conditions.push(equals("outcome", filter.outcome));
  if (filter.reportedIn) conditions.push(reportedIn("VOTE", filter.reportedIn));
  return and(...conditions);
}
