import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Info, Query, Resolver } from "type-graphql";
import type { ModelName } from "../../database/rows";
import { BadUserInputError } from "../../errors";
import { and, type Condition, or } from "../../read/condition";
import type { CountedEvents, EventKey } from "../../read/analyst-sql";
import { isoDay, isUuid } from "../../validation";
import { LazyConnection, LazyEdge } from "../common/connection";
import { decodeCursorJson, encodeCursorJson } from "../common/cursor-json";
import { withinDates } from "../common/date-range";
import { GroupCount } from "../common/group-count";
import { reachingAny, throughLink } from "../common/keys";
import { pageSizes } from "../common/pagination.args";
import type { Context } from "../context";
import { TIMELINE_GROUPINGS, TimelineArgs, TimelineFilter, TimelineGrouping } from "./timeline.args";
import { TimelineEvent, TimelineEventConnection, TimelineEventKind } from "./timeline.type";

/** Where each kind of event comes from, and the relations by which its subject involves entities and countries. */
const EVENT_KINDS: Record<TimelineEventKind, { model: ModelName; dateField: string }> = {
  CEASEFIRE_START: { model: "ceasefire", dateField: "startDate" },
  MEETING: { model: "meeting", dateField: "date" },
  SIGNING: { model: "agreement", dateField: "signedOn" },
  STATEMENT: { model: "statement", dateField: "date" },
  VOTE: { model: "vote", dateField: "date" },
  PLAN_DEADLINE: { model: "plan", dateField: "deadline" },
  TERM_DEADLINE: { model: "term", dateField: "deadline" },
  CEASEFIRE_END: { model: "ceasefire", dateField: "endDate" },
};
/** The kinds in their order within a day: an event's rank is its kind's index here. */
const KINDS = Object.values(TimelineEventKind);

type SubjectModel = "meeting" | "ceasefire" | "statement" | "plan" | "agreement" | "term" | "vote";

const mediators = throughLink("mediations");

/** Paths (Prisma relation fields) from a subject to the entities taking part in it. */
const INVOLVES: Record<SubjectModel, string[][]> = {
  meeting: [...throughLink("hosts"), ["place"], ...mediators, ["delegations", "country"], ["delegations", "leader"], ["delegations", "members", "person"]],
  ceasefire: [["parties", "country"], ["parties", "organization"], ...mediators],
  statement: [...throughLink("speakers"), ["place"], ["ceasefire"]],
  plan: [["responsibleOrganization"], ["targetOrganization"], ["approvedBy"]],
  agreement: [...throughLink("signatories"), ["place"], ...mediators],
  term: [["boundCountry"], ["boundOrganization"], ["place"], ["ceasefire"], ["agreement"]],
  vote: [["body"], ["place"], ["meeting"], ["ceasefire"], ["agreement"], ["plan"]],
};

/** Paths from a subject to the countries it concerns. */
const CONCERNS_COUNTRY: Record<SubjectModel, string[][]> = {
  meeting: [["hosts", "country"], ["mediations", "country"], ["delegations", "country"]],
  ceasefire: [["parties", "country"], ["mediations", "country"]],
  statement: [["speakers", "country"], ["speakers", "person", "nationality"], ["speakers", "organization", "country"]],
  plan: [["responsibleOrganization", "country"], ["targetOrganization", "country"], ["approvedBy", "country"]],
  agreement: [["signatories", "country"], ["signatories", "person", "nationality"], ["signatories", "organization", "country"], ["mediations", "country"]],
  term: [["boundCountry"], ["boundOrganization", "country"]],
  vote: [["body", "country"]],
};

@Resolver(() => TimelineEvent)
export class TimelineResolver {
  @Query(() => TimelineEventConnection, {
    description:
      "Dated events of every kind, oldest first: meetings, signings, ceasefires taking effect and ending, statements, votes, plan and term deadlines. " +
      "Undated facts have no place on it.",
  })
  async timeline(@Args() { filter, ...page }: TimelineArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const { first, last } = pageSizes(page);
    const backward = last !== null;
    const size = (backward ? last : first)!;
    const after = page.after != null ? decodeEventCursor(page.after, "after") : null;
    const before = page.before != null ? decodeEventCursor(page.before, "before") : null;
    const { plans, total } = loaders.nodeUnionPlans(info, "subject");
    const sources = eventsOfFilter(filter).map(({ kind, ...source }) => ({ ...source, rank: KINDS.indexOf(kind), plan: plans.get(source.model)! }));
    // The page, its subjects with the relations they select, and the total when asked: one statement.
    const read = await loaders.events({ sources, after, before, backward, take: size + 1, total });
    const hasMore = read.rows.length > size;
    const rows = read.rows.slice(0, size);
    if (backward) rows.reverse();
    const edges = rows.map((row) => new LazyEdge<TimelineEvent>({ date: row.date, precision: row.precision, kind: KINDS[row.rank], subject: row.subject }, encodeEventCursor));
    const more = { hasNextPage: backward ? before !== null : hasMore, hasPreviousPage: backward ? hasMore : after !== null };
    const count = () =>
      read.total !== null
        ? Promise.resolve(read.total)
        : loaders.events({ sources, after: null, before: null, backward: false, take: 0, total: true }).then((counted) => counted.total!);
    return new LazyConnection(edges, more, count);
  }

  @Query(() => [GroupCount], { description: "How many timeline events match the filter, by group: per kind, per month or per year." })
  timelineCounts(
    @Arg("by", () => TimelineGrouping, { description: "What to count them by." }) by: TimelineGrouping,
    @Arg("filter", () => TimelineFilter, { nullable: true, description: "Only events that match." }) filter: TimelineFilter | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.eventCounts(eventsOfFilter(filter), TIMELINE_GROUPINGS[by]);
  }
}

/** Each kind of event the filter keeps, with the conditions on its rows. */
function eventsOfFilter(filter: TimelineFilter | null | undefined): (CountedEvents & { kind: TimelineEventKind })[] {
  const kinds = filter?.kinds ?? KINDS;
  if (kinds.length === 0) throw new BadUserInputError("`filter.kinds` needs at least one kind; leave it out for all.", "filter.kinds");
  const keys = { "filter.involving": filter?.involving, "filter.countryCode": filter?.countryCode };
  const understood = new Set<string>();
  const sources = [...new Set(kinds)].map((kind) => {
    const { model, dateField } = EVENT_KINDS[kind];
    const subject = model as SubjectModel;
    const conditions: Condition[] = filter ? withinDates(dateField, filter) : [];
    if (keys["filter.involving"] != null) conditions.push(byAnyPath(model, INVOLVES[subject], keys["filter.involving"], "filter.involving", understood));
    if (keys["filter.countryCode"] != null) conditions.push(byAnyPath(model, CONCERNS_COUNTRY[subject], keys["filter.countryCode"], "filter.countryCode", understood));
    return { kind, model, dateField, where: and(...conditions) };
  });
  // A key no path can name a row by (neither an id, a slug nor an ISO code) is the client's mistake.
  for (const [argument, key] of Object.entries(keys)) {
    if (key != null && !understood.has(argument)) {
      throw new BadUserInputError(`\`${argument}\` is not a valid ${argument === "filter.countryCode" ? "ISO code" : "id, slug or ISO code"}.`, argument);
    }
  }
  return sources;
}

/** Rows of `model` reaching the named row by any of `paths`; `understood` notes the argument when some path can name such a row. */
function byAnyPath(model: ModelName, paths: string[][], key: string, argument: string, understood: Set<string>): Condition {
  const way = reachingAny(model, paths, key);
  if (way) understood.add(argument);
  return way ?? or();
}

/** A cursor: the event's day, kind and subject id. */
function encodeEventCursor(event: TimelineEvent): string {
  return encodeCursorJson([isoDay(event.date), event.kind, event.subject.id]);
}

function decodeEventCursor(cursor: string, argument: string): EventKey {
  const decoded = decodeCursorJson(cursor);
  if (decoded?.length === 3) {
    const [day, kind, id] = decoded;
    const date = typeof day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00.000Z`) : null;
    const rank = KINDS.indexOf(kind as TimelineEventKind);
    // The round trip refuses days that do not exist (2025-02-30 would become March 2).
    if (date && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day as string) && rank >= 0 && typeof id === "string" && isUuid(id)) {
      return { date, rank, id };
    }
  }
  throw new BadUserInputError(`\`${argument}\` is not a valid cursor for this list.`, argument);
}
