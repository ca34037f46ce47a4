import { Field, ObjectType } from "type-graphql";
import { ConnectionType } from "../common/connection";
import { DateScalar } from "../common/scalars";
import { DatePrecision } from "../common/date-precision";
import { Fact } from "../fact/fact.interface";

@ObjectType({ implements: Fact, description: "A course of action an organization is tasked with.", simpleResolvers: true })
export class Plan extends Fact {
  @Field({ description: "Stable human-readable key, unique among plans." })
  slug!: string;

  @Field({ description: "What the plan is, in a line." })
  title!: string;

  @Field({ description: "What it provides for." })
  summary!: string;

  @Field(() => String, { nullable: true, description: "Where it applies first." })
  area!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When its current phase is due." })
  deadline!: Date | null;

  @Field(() => DatePrecision, { description: "How precise `deadline` is: a year or a month is given as its first day." })
  deadlinePrecision!: DatePrecision;

  @Field(() => String, { nullable: true, description: "What follows the current phase." })
  nextPhase!: string | null;

  responsibleOrganizationId!: string | null;
  targetOrganizationId!: string | null;
  approvedById!: string | null;
  ceasefireId!: string | null;
  agreementId!: string | null;
}

export const PlanConnection = ConnectionType("Plan", Plan, "plan");
