import { Field, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../common/connection";
import { DateScalar } from "../common/scalars";
import { DatePrecision } from "../common/date-precision";
import { Fact } from "../fact/fact.interface";

@ObjectType({
  implements: Fact,
  description: "A provision of a ceasefire or an agreement (a 60-day withdrawal, a deployment south of a river): whom it binds, where, for how long.",
  simpleResolvers: true,
})
export class Term extends Fact {
  @Field({ description: "Stable human-readable key, unique among terms." })
  slug!: string;

  @Field({ description: "What it provides, in a line." })
  title!: string;

  @Field(() => String, { nullable: true, description: "What it provides, in a few sentences." })
  summary!: string | null;

  @Field(() => Int, { nullable: true, description: "How long it runs, in days (60 for a 60-day withdrawal)." })
  durationDays!: number | null;

  @Field(() => DateScalar, { nullable: true, description: "When it is due." })
  deadline!: Date | null;

  @Field(() => DatePrecision, { description: "How precise `deadline` is: a year or a month is given as its first day." })
  deadlinePrecision!: DatePrecision;

  ceasefireId!: string | null;
  agreementId!: string | null;
  boundCountryId!: string | null;
  boundOrganizationId!: string | null;
  placeId!: string | null;
}

export const TermConnection = ConnectionType("Term", Term, "term");
