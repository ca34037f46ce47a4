import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import type { ModelName } from "../../database/rows";
import { always, and, type Condition, equals, or, related } from "../../read/condition";
import { Ceasefire } from "../ceasefire/ceasefire.type";
import { withinDates } from "../common/date-range";
import { GroupCount } from "../common/group-count";
import { connectionFromList } from "../common/list-connection";
import { toOrdering } from "../common/order";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import { nameContains } from "../common/search";
import type { Context } from "../context";
import { Country } from "../country/country.type";
import { DelegationConnection } from "../delegation/delegation.type";
import { referencing, reportedIn } from "../common/keys";
import { Organization } from "../organization/organization.type";
import { Person } from "../person/person.type";
import { Place } from "../place/place.type";
import { MeetingFilter, MeetingGrouping, meetingGroupings, MeetingOrderField, meetingOrderings, MeetingsArgs } from "./meeting.args";
import { Meeting, MeetingConnection } from "./meeting.type";
import { AgreementConnection } from "../agreement/agreement.type";
import { HostConnection, MediatorConnection } from "../actor/actor-unions";
import { VoteConnection } from "../vote/vote.type";

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { nullable: true, description: "One meeting by id." })
  meeting(
    @Arg("id", () => ID, { description: "The meeting's id." }) id: string,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // The meeting and the relations the query selects, in one statement (read/read-sql.ts).
    return loaders.oneBy(info, "meeting", id);
  }

  @Query(() => Meeting, { nullable: true, description: "One meeting by slug." })
  meetingBySlug(
    @Arg("slug", { description: "The meeting's slug." }) slug: string,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return loaders.oneBy(info, "meeting", slug, "slug");
  }

  @Query(() => MeetingConnection, { description: "Meetings, by date (undated last) unless ordered otherwise." })
  async meetings(
    @Args() { filter, orderBy, ...page }: MeetingsArgs,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const ordering = toOrdering(meetingOrderings, orderBy, MeetingOrderField.DATE);
    // The page and the relations its nodes select, filter included, in one statement.
    return paginate(loaders.pagesFor(info, "meeting"), page, meetingWhere(filter), ordering);
  }

  @Query(() => [GroupCount], { description: "How many meetings match the filter, by group: per month, per country taking part, per host..." })
  meetingCounts(
    @Arg("by", () => MeetingGrouping, { description: "What to count them by." }) by: MeetingGrouping,
    @Arg("filter", () => MeetingFilter, { nullable: true, description: "Only meetings that match." }) filter: MeetingFilter | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.groupCounts("meeting", meetingWhere(filter), meetingGroupings[by]);
  }

  @FieldResolver(() => DelegationConnection, { description: "The delegations that took part, by country name." })
  async delegations(@Root() meeting: Meeting, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(meeting, "Meeting", "delegations"), page);
  }

  @FieldResolver(() => Place, { nullable: true, description: "Where it took place." })
  place(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return loaders.related(meeting, "Meeting", "place");
  }

  @FieldResolver(() => HostConnection, { description: "Who hosted it: countries, organizations and people, by name." })
  async hosts(@Root() meeting: Meeting, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(meeting, "Meeting", "hosts"), page);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: "The organization that hosted it: the first organization among its hosts.",
    deprecationReason: "Use `hosts`, which lists every host of any kind.",
  })
  host(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return loaders.related(meeting, "Meeting", "host");
  }

  @FieldResolver(() => MediatorConnection, { description: "Who mediated it: countries, organizations and people, by name." })
  async mediators(@Root() meeting: Meeting, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(meeting, "Meeting", "mediators"), page);
  }

  @FieldResolver(() => Person, { nullable: true, description: "Who mediated it: the first person among its mediators.", deprecationReason: "Use `mediators`, which lists every mediator of any kind." })
  mediator(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return loaders.related(meeting, "Meeting", "mediator");
  }

  @FieldResolver(() => Country, {
    nullable: true,
    description: "The country that mediated it: the first country among its mediators.",
    deprecationReason: "Use `mediators`, which lists every mediator of any kind.",
  })
  mediatingCountry(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return loaders.related(meeting, "Meeting", "mediatingCountry");
  }

  @FieldResolver(() => Ceasefire, { nullable: true, description: "The ceasefire whose framework it was held in." })
  ceasefire(@Root() meeting: Meeting, @Ctx() { loaders }: Context) {
    return loaders.related(meeting, "Meeting", "ceasefire");
  }

  @FieldResolver(() => AgreementConnection, { description: "Agreements signed or announced at it, by signing date." })
  async agreements(@Root() meeting: Meeting, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(meeting, "Meeting", "agreements"), page);
  }

  @FieldResolver(() => VoteConnection, { description: "Votes held at it, by date." })
  async votes(@Root() meeting: Meeting, @Args() page: PaginationArgs, @Ctx() { loaders }: Context) {
    return connectionFromList(await loaders.related(meeting, "Meeting", "votes"), page);
  }
}

function meetingWhere(filter: MeetingFilter | null | undefined): Condition {
  if (!filter) return always;
  const conditions = withinDates("date", filter);
  if (filter.countryCode) {
    conditions.push(related("delegations", related("country", equals("code", filter.countryCode.toUpperCase()))));
  }
  if (filter.personId) {
    const person = (model: ModelName, relation: string) => referencing(model, relation, filter.personId!, "filter.personId");
    conditions.push(
      or(
        related("mediations", person("mediation", "person")),
        related("hosts", person("meetingHost", "person")),
        related("delegations", or(person("delegation", "leader"), related("members", person("delegationMember", "person")))),
      ),
    );
  }
  if (filter.placeId) conditions.push(referencing("meeting", "place", filter.placeId, "filter.placeId"));
  if (filter.placeName) conditions.push(related("place", nameContains(filter.placeName, "filter.placeName")));
  if (filter.reportedIn) conditions.push(reportedIn("MEETING", filter.reportedIn));
  return and(...conditions);
}
