import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { BadUserInputError } from "../../errors";
import { always, and, type Condition } from "../../read/condition";
import { Agreement } from "../agreement/agreement.type";
import { Ceasefire } from "../ceasefire/ceasefire.type";
import { withinDates } from "../common/date-range";
import { reachingAny, referencing, reportedIn } from "../common/keys";
import { toOrdering } from "../common/order";
import { paginate } from "../common/paginate";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { Organization } from "../organization/organization.type";
import { Place } from "../place/place.type";
import { type TermFilter, TermOrderField, termOrderings, TermsArgs } from "./term.args";
import { Term, TermConnection } from "./term.type";

@Resolver(() => Term)
export class TermResolver {
  @Query(() => Term, { nullable: true, description: "One term by id." })
  term(@Arg("id", () => ID, { description: "The term's id." }) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "term", id);
  }

  @Query(() => Term, { nullable: true, description: "One term by slug, e.g. `israeli-withdrawal-from-south-lebanon-2024`." })
  termBySlug(@Arg("slug", { description: "The term's slug." }) slug: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "term", slug, "slug");
  }

  @Query(() => TermConnection, { description: "Terms of ceasefires and agreements, by deadline (none last) unless ordered otherwise." })
  terms(@Args() { filter, orderBy, ...page }: TermsArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const ordering = toOrdering(termOrderings, orderBy, TermOrderField.DEADLINE);
    return paginate(loaders.pagesFor(info, "term"), page, termWhere(filter), ordering);
  }

  @FieldResolver(() => Ceasefire, { nullable: true, description: "The ceasefire it belongs to." })
  ceasefire(@Root() term: Term, @Ctx() { loaders }: Context) {
    return loaders.related(term, "Term", "ceasefire");
  }

  @FieldResolver(() => Agreement, { nullable: true, description: "The agreement it belongs to." })
  agreement(@Root() term: Term, @Ctx() { loaders }: Context) {
    return loaders.related(term, "Term", "agreement");
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country it binds." })
  boundCountry(@Root() term: Term, @Ctx() { loaders }: Context) {
    return loaders.related(term, "Term", "boundCountry");
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organization it binds." })
  boundOrganization(@Root() term: Term, @Ctx() { loaders }: Context) {
    return loaders.related(term, "Term", "boundOrganization");
  }

  @FieldResolver(() => Place, { nullable: true, description: "Where it applies." })
  place(@Root() term: Term, @Ctx() { loaders }: Context) {
    return loaders.related(term, "Term", "place");
  }
}

function termWhere(filter: TermFilter | null | undefined): Condition {
  if (!filter) return always;
  const conditions = withinDates("deadline", filter);
  if (filter.ceasefireId) conditions.push(referencing("term", "ceasefire", filter.ceasefireId, "filter.ceasefireId"));
  if (filter.agreementId) conditions.push(referencing("term", "agreement", filter.agreementId, "filter.agreementId"));
  if (filter.binding) {
    const binding = reachingAny("term", [["boundCountry"], ["boundOrganization"]], filter.binding);
    if (!binding) throw new BadUserInputError("`filter.binding` is not a valid id, slug or ISO code.", "filter.binding");
    conditions.push(binding);
  }
  if (filter.reportedIn) conditions.push(reportedIn("TERM", filter.reportedIn));
  return and(...conditions);
}
