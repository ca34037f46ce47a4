import { Field, ObjectType } from "type-graphql";
import { ConnectionType } from "../common/connection";
import { DateScalar } from "../common/scalars";
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

  speakerPersonId!: string | null;
  speakerOrganizationId!: string | null;
  speakerCountryId!: string | null;
  placeId!: string | null;
  ceasefireId!: string | null;
}

export const StatementConnection = ConnectionType("Statement", Statement, "statement");
