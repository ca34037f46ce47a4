import { Field, ObjectType } from "type-graphql";
import { ConnectionType } from "../common/connection";
import { DateScalar, InstantScalar } from "../common/scalars";
import { DatePrecision } from "../common/date-precision";
import { Fact } from "../fact/fact.interface";

@ObjectType({ implements: Fact, description: "A meeting between delegations, possibly hosted and mediated by others.", simpleResolvers: true })
export class Meeting extends Fact {
  @Field({ description: "Stable human-readable key, unique among meetings." })
  slug!: string;

  @Field({ description: "What the meeting was, in a line." })
  title!: string;

  @Field(() => DateScalar, { nullable: true, description: "When it took place; null when not reported." })
  date!: Date | null;

  @Field(() => DatePrecision, { description: "How precise `date` is: a year or a month is given as its first day." })
  datePrecision!: DatePrecision;

  @Field(() => InstantScalar, { nullable: true, description: "When it began, to the minute, where reported (ISO 8601, UTC)." })
  startsAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The IANA time zone its times were reported in (`Asia/Beirut`), to show them as local times." })
  timeZone!: string | null;

  @Field(() => String, { nullable: true, description: "What it was meant to achieve." })
  purpose!: string | null;

  @Field(() => String, { nullable: true, description: "What happened, in a few sentences." })
  summary!: string | null;

  placeId!: string | null;
  hostId!: string | null;
  mediatorId!: string | null;
  mediatorCountryId!: string | null;
  ceasefireId!: string | null;
}

export const MeetingConnection = ConnectionType("Meeting", Meeting, "meeting");
