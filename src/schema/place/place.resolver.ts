import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { and, type Condition, equals, related } from "../../read/condition";
import { connectionFromList } from "../common/list-connection";
import { reportedIn } from "../common/keys";
import { toOrdering } from "../common/order";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import { nameContains } from "../common/search";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { MeetingConnection } from "../meeting/meeting.type";
import { type PlaceFilter, PlaceOrderField, placeOrderings, PlacesArgs } from "./place.args";
import { Place, PlaceConnection } from "./place.type";
import { AgreementConnection } from "../agreement/agreement.type";
import { TermConnection } from "../term/term.type";
import { StatementConnection } from "../statement/statement.type";

@Resolver(() => Place)
export class PlaceResolver {
  @Query(() => Place, { nullable: true, description: "One place by id." })
  place(@Arg("id", () => ID, { description: "The place's id." }) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "place", id);
  }

  @Query(() => Place, { nullable: true, description: "One place by slug, e.g. `naqura`." })
  placeBySlug(@Arg("slug", { description: "The place's slug." }) slug: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "place", slug, "slug");
  }

  @Query(() => PlaceConnection, { description: "Places, by name unless ordered otherwise; searchable by name and other spellings." })
  places(@Args() { filter, orderBy, ...page }: PlacesArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const ordering = toOrdering(placeOrderings, orderBy, PlaceOrderField.NAME);
    return paginate(loaders.pagesFor(info, "place"), page, placeWhere(filter), ordering);
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country the place is in, where undisputed." })
  country(@Root() place: Place, @Ctx() { loaders }: Context) {
    return loaders.related(place, "Place", "country");
  }

  @FieldResolver(() => Place, { nullable: true, description: "The place it lies in (the city of a building, the building of a garden)." })
  within(@Root() place: Place, @Ctx() { loaders }: Context) {
    return loaders.related(place, "Place", "within");
  }

  @FieldResolver(() => PlaceConnection, { name: "places", description: "The places that lie directly within it, by name." })
  async placesWithin(@Root() place: Place, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(place, "Place", "places"), page);
  }

  @FieldResolver(() => MeetingConnection, { description: "Meetings held here, by date." })
  async meetings(@Root() place: Place, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(place, "Place", "meetings"), page);
  }

  @FieldResolver(() => AgreementConnection, { description: "Agreements signed or announced there, by signing date." })
  async agreements(@Root() place: Place, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(place, "Place", "agreements"), page);
  }

  @FieldResolver(() => TermConnection, { description: "Terms of ceasefires and agreements that apply there, by deadline." })
  async terms(@Root() place: Place, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(place, "Place", "terms"), page);
  }

  @FieldResolver(() => StatementConnection, { description: "Statements made there, by date." })
  async statements(@Root() place: Place, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(place, "Place", "statements"), page);
  }
}

function placeWhere(filter: PlaceFilter | null | undefined): Condition {
  const conditions: Condition[] = [];
  if (filter?.name != null) conditions.push(nameContains(filter.name, "filter.name"));
  if (filter?.countryCode) conditions.push(related("country", equals("code", filter.countryCode.toUpperCase())));
  if (filter?.reportedIn) conditions.push(reportedIn("PLACE", filter.reportedIn));
  return and(...conditions);
}
