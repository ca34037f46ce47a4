import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { VoteOutcome } from "../../generated/prisma/client";
import { ConnectionType } from "../common/connection";
import { DateScalar } from "../common/scalars";
import { DatePrecision } from "../common/date-precision";
import { Fact } from "../fact/fact.interface";

registerEnumType(VoteOutcome, {
  name: "VoteOutcome",
  description: "How a vote went.",
  valuesConfig: {
    ADOPTED: { description: "The motion was adopted (approved, passed)." },
    REJECTED: { description: "The motion was rejected." },
  },
});

@ObjectType({ implements: Fact, description: "A body (a cabinet, a parliament, a council) voting on a motion, with its outcome and tally.", simpleResolvers: true })
export class Vote extends Fact {
  @Field({ description: "Stable human-readable key, unique among votes." })
  slug!: string;

  @Field({ description: "What was voted on, in a line." })
  title!: string;

  @Field(() => String, { nullable: true, description: "How it went, in a few sentences." })
  summary!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was held." })
  date!: Date | null;

  @Field(() => DatePrecision, { description: "How precise `date` is: a year or a month is given as its first day." })
  datePrecision!: DatePrecision;

  @Field(() => VoteOutcome, { nullable: true, description: "Adopted or rejected, where reported." })
  outcome!: VoteOutcome | null;

  @Field(() => Int, { nullable: true, description: "Votes in favour, where reported." })
  votesFor!: number | null;

  @Field(() => Int, { nullable: true, description: "Votes against, where reported." })
  votesAgainst!: number | null;

  @Field(() => Int, { nullable: true, description: "Abstentions, where reported." })
  abstentions!: number | null;

  bodyId!: string | null;
  placeId!: string | null;
  meetingId!: string | null;
  ceasefireId!: string | null;
  agreementId!: string | null;
  planId!: string | null;
}

export const VoteConnection = ConnectionType("Vote", Vote, "vote");
