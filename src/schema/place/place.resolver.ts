import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { ConnectionType } from "../common/connection";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { reader } from "../loaders/rows";
import { Meeting } from "../meeting/meeting.type";
import { Place } from "./place.type";

const PlaceConnection = ConnectionType("Place", Place, "place");

@Resolver(() => Place)
export class PlaceResolver {
  @Query(() => Place, { nullable: true, description: "One place by id." })
  place(@Arg("id", () => ID, { description: "The place's id." }) id: string, @Ctx() { loaders }: Context) {
    return loaders.byId("place").load(id);
  }

  @Query(() => PlaceConnection, { description: "All places, by name." })
  places(@Args() page: PaginationArgs, @Ctx() { prisma }: Context) {
    return paginate(reader(prisma, "place"), page, {}, { field: "name", direction: "asc", nullable: false });
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country the place is in, where undisputed." })
  country(@Root() place: Place, @Ctx() { loaders }: Context) {
    return place.countryId ? loaders.byId("country").load(place.countryId) : null;
  }

  @FieldResolver(() => [Meeting], { description: "Meetings held here, by date." })
  meetings(@Root() place: Place, @Ctx() { loaders }: Context) {
    return loaders.manyBy("meeting", "placeId", [{ date: "asc" }, { slug: "asc" }]).load(place.id);
  }
}
