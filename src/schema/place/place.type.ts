import { Field, ObjectType } from "type-graphql";
import { ConnectionType } from "../common/connection";
import { Fact } from "../fact/fact.interface";

@ObjectType({ implements: Fact, description: "A named location: a town, a base, a river region.", simpleResolvers: true })
export class Place extends Fact {
  @Field({ description: "Stable human-readable key, unique among places." })
  slug!: string;

  @Field({ description: "Common English name." })
  name!: string;

  @Field(() => [String], { description: "Other names and spellings found in the news (e.g. Naqoura)." })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: "What the place is and why it matters here." })
  description!: string | null;

  countryId!: string | null;
  withinId!: string | null;
}

export const PlaceConnection = ConnectionType("Place", Place, "place");
