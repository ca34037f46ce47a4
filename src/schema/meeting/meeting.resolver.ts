import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { BadUserInputError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { Ceasefire } from "../ceasefire/ceasefire.type";
import { ConnectionType } from "../common/connection";
import { paginate } from "../common/paginate";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { Delegation } from "../delegation/delegation.type";
import { reader } from "../loaders/rows";
import { Organization } from "../organization/organization.type";
import { Person } from "../person/person.type";
import { Place } from "../place/place.type";
import { type MeetingFilter, MeetingsArgs } from "./meeting.args";
import { Meeting } from "./meeting.type";

const MeetingConnection = ConnectionType("Meeting", Meeting, "meeting");

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { nullable: true, description: "One meeting by id." })
  meeting(@Arg("id", () => ID, { description: "The meeting's id." }) id: string, @Ctx() { loaders }: Context) {
    return loaders.byId("meeting").load(id);
  }

  @Query(() => Meeting, { nullable: true, description: "One meeting by slug." })
  meetingBySlug(@Arg("slug", { description: "The meeting's slug." }) slug: string, @Ctx() { loaders }: Context) {
    return loaders.byUnique("meeting", "slug").load(slug);
  }

  @Query(() => MeetingConnection, { description: "Meetings by date (undated ones last), optionally filtered." })
  meetings(@Args() { filter, ...page }: MeetingsArgs, @Ctx() { prisma }: Context) {
    return paginate(reader(prisma, "meeting"), page, meetingWhere(filter), {
      field: "date",
      direction: "asc",
      nullable: true,
      isDate: true,
    });
  }

  @FieldResolver(() => [Delegation], { description: "The delegations that took part." })
  delegations(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return loaders.manyBy("delegation", "meetingId", [{ country: { name: "asc" } }]).load(meeting.id);
  }

  @FieldResolver(() => Place, { nullable: true, description: "Where it took place." })
  place(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return meeting.placeId ? loaders.byId("place").load(meeting.placeId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "Who hosted it." })
  host(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return meeting.hostId ? loaders.byId("organization").load(meeting.hostId) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: "Who mediated it." })
  mediator(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return meeting.mediatorId ? loaders.byId("person").load(meeting.mediatorId) : null;
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country that mediated it." })
  mediatingCountry(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return meeting.mediatorCountryId ? loaders.byId("country").load(meeting.mediatorCountryId) : null;
  }

  @FieldResolver(() => Ceasefire, { nullable: true, description: "The ceasefire whose framework it was held in." })
  ceasefire(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return meeting.ceasefireId ? loaders.byId("ceasefire").load(meeting.ceasefireId) : null;
  }
}

function meetingWhere(filter: MeetingFilter | null | undefined): Prisma.MeetingWhereInput {
  if (!filter) return {};
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new BadUserInputError("`filter.from` must not be after `filter.to`.", "filter.from");
  }
  return {
    ...(filter.from || filter.to
      ? { date: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } }
      : {}),
    ...(filter.countryCode
      ? { delegations: { some: { country: { code: filter.countryCode.toUpperCase() } } } }
      : {}),
  };
}
