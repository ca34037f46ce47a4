import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { PaginationArgs } from "../common/pagination.args";
import { DateScalar } from "../common/scalars";
import { TimelineEventKind } from "./timeline.type";

@InputType({ description: "Conditions a timeline event must meet; all given ones apply." })
export class TimelineFilter {
  @Field(() => DateScalar, { nullable: true, description: "On or after this date." })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: "On or before this date." })
  to?: Date | null;

  @Field(() => [TimelineEventKind], { nullable: true, description: "Only events of these kinds (at least one); by default all." })
  kinds?: TimelineEventKind[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Only events this entity takes part in, by id, slug or ISO code: a meeting's delegations (country, leader, members), " +
      "hosts, place or mediators; a ceasefire's parties or mediators; a statement's speakers or ceasefire; a plan's organizations; " +
      "an agreement's signatories, place or mediators; whom a term binds, where, and its ceasefire or agreement; a vote's body, place, meeting, and what it was about.",
  })
  involving?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Only events concerning this country (ISO code): a meeting it sent a delegation to, hosted or mediated, a ceasefire binding it or mediated by it, " +
      "a statement by it or by one of its people or organizations, a plan of one of its organizations, " +
      "an agreement signed by it or by one of its people or organizations, or mediated by it, a term binding it or one of its organizations, a vote of one of its bodies.",
  })
  countryCode?: string | null;
}

@ArgsType()
export class TimelineArgs extends PaginationArgs {
  @Field(() => TimelineFilter, { nullable: true, description: "Only events that match." })
  filter?: TimelineFilter | null;
}

export enum TimelineGrouping {
  KIND = "KIND",
  MONTH = "MONTH",
  YEAR = "YEAR",
}
registerEnumType(TimelineGrouping, {
  name: "TimelineGrouping",
  description: "What timeline events are counted by.",
  valuesConfig: {
    KIND: { description: "Their kind (`MEETING`, `STATEMENT`...), largest first." },
    MONTH: { description: "The month of their date (`2025-12`)." },
    YEAR: { description: "The year of their date." },
  },
});

export const TIMELINE_GROUPINGS: Record<TimelineGrouping, "kind" | "month" | "year"> = { KIND: "kind", MONTH: "month", YEAR: "year" };
