import { Field, ObjectType } from "type-graphql";
import { ConnectionType } from "../common/connection";
import { DateScalar, InstantScalar } from "../common/scalars";
import { DatePrecision } from "../common/date-precision";
import { Fact } from "../fact/fact.interface";

@ObjectType({
  implements: Fact,
  description: "Something a person, organization or country said, announced or reported.",
  simpleResolvers: true,
})
export class Statement extends Fact {
  @Field({ description: "Stable human-readable key, unique among statements." })
  slug!: string;

  @Field({ description: "What was said, in newsgraph's words." })
  summary!: string;

  @Field(() => String, { nullable: true, description: "The speaker's own words, where the reporting quotes them." })
  quote!: string | null;

  @Field(() => String, { nullable: true, description: "Where it was said: a platform (X) or the outlet told." })
  channel!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was said, if reported." })
  date!: Date | null;

  @Field(() => DatePrecision, { description: "How precise `date` is: a year or a month is given as its first day." })
  datePrecision!: DatePrecision;

  @Field(() => InstantScalar, { nullable: true, description: "When it was made, to the minute, where reported (ISO 8601, UTC)." })
  madeAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The IANA time zone its times were reported in (`Asia/Beirut`), to show them as local times." })
  timeZone!: string | null;

  speakerPersonId!: string | null;
  speakerOrganizationId!: string | null;
  speakerCountryId!: string | null;
  placeId!: string | null;
  ceasefireId!: string | null;
}

export const StatementConnection = ConnectionType("Statement", Statement, "statement");
