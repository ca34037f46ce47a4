import { Field, ObjectType } from "type-graphql";
import { ConnectionType } from "../common/connection";
import { Fact } from "../fact/fact.interface";

@ObjectType({ implements: Fact, description: "One country's delegation at one meeting.", simpleResolvers: true })
export class Delegation extends Fact {
  @Field(() => String, { nullable: true, description: "Who was in it, in a sentence." })
  description!: string | null;

  meetingId!: string;
  countryId!: string;
  leaderId!: string | null;
}

export const DelegationConnection = ConnectionType("Delegation", Delegation, "delegation");
