// The timeline: dated events of every kind (meetings, signings, ceasefires taking effect and
// ending, statements, votes, plan and term deadlines) in one list, each pointing to the fact it comes from.
import { createUnionType, Field, ObjectType, registerEnumType } from "type-graphql";
import { taggedTypeName, type TypedRow } from "../../read/read-model";
import { Ceasefire } from "../ceasefire/ceasefire.type";
import { ConnectionType } from "../common/connection";
import { DateScalar } from "../common/scalars";
import { DatePrecision } from "../common/date-precision";
import { Meeting } from "../meeting/meeting.type";
import { Plan } from "../plan/plan.type";
import { Agreement } from "../agreement/agreement.type";
import { Term } from "../term/term.type";
import { Vote } from "../vote/vote.type";
import { Statement } from "../statement/statement.type";

/** In the order events of one day are listed. */
export enum TimelineEventKind {
  CEASEFIRE_START = "CEASEFIRE_START",
  MEETING = "MEETING",
  SIGNING = "SIGNING",
  STATEMENT = "STATEMENT",
  VOTE = "VOTE",
  PLAN_DEADLINE = "PLAN_DEADLINE",
  TERM_DEADLINE = "TERM_DEADLINE",
  CEASEFIRE_END = "CEASEFIRE_END",
}
registerEnumType(TimelineEventKind, {
  name: "TimelineEventKind",
  description: "What happened on a timeline's date; events of one day are listed in this order.",
  valuesConfig: {
    CEASEFIRE_START: { description: "A ceasefire took effect (its `startDate`)." },
    MEETING: { description: "A meeting was held (its `date`)." },
    SIGNING: { description: "An agreement was signed (its `signedOn`)." },
    STATEMENT: { description: "A statement was made (its `date`)." },
    VOTE: { description: "A body voted (its `date`)." },
    PLAN_DEADLINE: { description: "A plan is due (its `deadline`)." },
    TERM_DEADLINE: { description: "A term of a ceasefire or agreement is due (its `deadline`)." },
    CEASEFIRE_END: { description: "A ceasefire ended (its `endDate`)." },
  },
});

/** The read stage tags each subject with its type (read-model.ts `typeKey`). */
export const timelineSubjectTypeName = taggedTypeName;

export const TimelineSubject = createUnionType({
  name: "TimelineSubject",
  description: "The fact a timeline event comes from.",
  types: () => [Meeting, Ceasefire, Statement, Plan, Agreement, Term, Vote] as const,
  resolveType: timelineSubjectTypeName,
});

@ObjectType({ description: "One dated event on the timeline.", simpleResolvers: true })
export class TimelineEvent {
  @Field(() => DateScalar, { description: "When it happened (or is due): for a year or a month, its first day (see `precision`)." })
  date!: Date;

  @Field(() => DatePrecision, { description: "How precise `date` is: to the day, the month or the year." })
  precision!: DatePrecision;

  @Field(() => TimelineEventKind, { description: "What happened." })
  kind!: TimelineEventKind;

  @Field(() => TimelineSubject, { description: "The meeting, ceasefire, statement, plan, agreement, term or vote it comes from." })
  subject!: TypedRow;
}

export const TimelineEventConnection = ConnectionType("TimelineEvent", TimelineEvent, "timeline event");
