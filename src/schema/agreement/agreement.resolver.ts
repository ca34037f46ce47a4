import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { BadUserInputError } from "../../errors";
import { always, and, type Condition, equals } from "../../read/condition";
import { CeasefireConnection } from "../ceasefire/ceasefire.type";
import { withinDates } from "../common/date-range";
import { reachingAny, reportedIn, throughLink } from "../common/keys";
import { connectionFromList } from "../common/list-connection";
import { toOrdering } from "../common/order";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { Meeting } from "../meeting/meeting.type";
import { Place } from "../place/place.type";
import { type AgreementFilter, AgreementOrderField, agreementOrderings, AgreementsArgs } from "./agreement.args";
import { Agreement, AgreementConnection } from "./agreement.type";
import { MediatorConnection, SignatoryConnection } from "../actor/actor-unions";
import { TermConnection } from "../term/term.type";
import { PlanConnection } from "../plan/plan.type";
import { VoteConnection } from "../vote/vote.type";

/** Paths from an agreement to its signatories, of every kind. */
const SIGNATORIES = throughLink("signatories");

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => Agreement, { nullable: true, description: "One agreement by id." })
  agreement(@Arg("id", () => ID, { description: "The agreement's id." }) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "agreement", id);
  }

  @Query(() => Agreement, { nullable: true, description: "One agreement by slug, e.g. `lebanon-israel-maritime-border-agreement`." })
  agreementBySlug(@Arg("slug", { description: "The agreement's slug." }) slug: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "agreement", slug, "slug");
  }

  @Query(() => AgreementConnection, { description: "Agreements, by signing date (unsigned last) unless ordered otherwise." })
  agreements(@Args() { filter, orderBy, ...page }: AgreementsArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const ordering = toOrdering(agreementOrderings, orderBy, AgreementOrderField.SIGNED_ON);
    return paginate(loaders.pagesFor(info, "agreement"), page, agreementWhere(filter), ordering);
  }

  @FieldResolver(() => SignatoryConnection, { description: "Who signed it: countries, organizations and people, by name." })
  async signatories(@Root() agreement: Agreement, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(agreement, "Agreement", "signatories"), page);
  }

  @FieldResolver(() => Place, { nullable: true, description: "Where it was signed or announced." })
  place(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    return loaders.related(agreement, "Agreement", "place");
  }

  @FieldResolver(() => Meeting, { nullable: true, description: "The meeting it was signed or announced at." })
  meeting(@Root() agreement: Agreement, @Ctx() { loaders }: Context) {
    return loaders.related(agreement, "Agreement", "meeting");
  }

  @FieldResolver(() => CeasefireConnection, { description: "The ceasefires it set, newest first." })
  async ceasefires(@Root() agreement: Agreement, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(agreement, "Agreement", "ceasefires"), page);
  }

  @FieldResolver(() => MediatorConnection, { description: "Who mediated it: countries, organizations and people, by name." })
  async mediators(@Root() agreement: Agreement, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(agreement, "Agreement", "mediators"), page);
  }

  @FieldResolver(() => TermConnection, { description: "Its terms, by deadline." })
  async terms(@Root() agreement: Agreement, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(agreement, "Agreement", "terms"), page);
  }

  @FieldResolver(() => PlanConnection, { description: "Plans that carry it out, by deadline." })
  async plans(@Root() agreement: Agreement, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(agreement, "Agreement", "plans"), page);
  }

  @FieldResolver(() => VoteConnection, { description: "Votes about it, by date." })
  async votes(@Root() agreement: Agreement, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(agreement, "Agreement", "votes"), page);
  }
}

function agreementWhere(filter: AgreementFilter | null | undefined): Condition {
  if (!filter) return always;
  const conditions = withinDates("signedOn", filter);
  if (filter.kind) conditions.push(equals("kind", filter.kind));
  if (filter.signatory) {
    const signedBy = reachingAny("agreement", SIGNATORIES, filter.signatory);
    if (!signedBy) throw new BadUserInputError("`filter.signatory` is not a valid id, slug or ISO code.", "filter.signatory");
    conditions.push(signedBy);
  }
  if (filter.reportedIn) conditions.push(reportedIn("AGREEMENT", filter.reportedIn));
  return and(...conditions);
}
