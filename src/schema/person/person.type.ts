import { Field, ObjectType } from "type-graphql";
import { ConnectionType } from "../common/connection";
import { Fact } from "../fact/fact.interface";

@ObjectType({ implements: Fact, description: "A person in the news, named or not.", simpleResolvers: true })
export class Person extends Fact {
  @Field({ description: "Stable human-readable key, unique among people." })
  slug!: string;

  @Field({ description: "Full name; for an unnamed person, a description of who they are." })
  name!: string;

  @Field(() => [String], { description: "Other spellings of the name found in the news (e.g. Sa'ar)." })
  aliases!: string[];

  @Field({ description: "False when the reporting does not name the person (e.g. an anonymous source)." })
  isNamed!: boolean;

  @Field(() => String, { nullable: true, description: "Who the person is, in a sentence." })
  description!: string | null;

  nationalityId!: string | null;
}

export const PersonConnection = ConnectionType("Person", Person, "person");
