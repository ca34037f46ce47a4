import { Field, ObjectType } from "type-graphql";
import { ConnectionType } from "../common/connection";
import { Fact } from "../fact/fact.interface";

@ObjectType({ implements: Fact, description: "A sovereign state.", simpleResolvers: true })
export class Country extends Fact {
  @Field({ description: "ISO 3166-1 alpha-2 code, e.g. `LB`." })
  code!: string;

  @Field({ description: "Common English name." })
  name!: string;

  @Field(() => [String], { description: "Other names and spellings found in the news." })
  aliases!: string[];
}

export const CountryConnection = ConnectionType("Country", Country, "country");
