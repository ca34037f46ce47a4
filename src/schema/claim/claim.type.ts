import { DateTimeISOResolver, GraphQLJSON } from "graphql-scalars";
import { Field, ObjectType } from "type-graphql";
import { Article } from "../article/article.type";

@ObjectType({
  description:
    "What one source says about one field of a fact: an article's claim, or an editor's (which wins over articles). " +
    "The fact's fields hold the current values derived from all its claims (README \"Many articles, one graph\").",
  simpleResolvers: true,
})
export class Claim {
  @Field({ description: "The field claimed, e.g. `aliases`, `summary`, `nationalityId`, `partyCountryIds`." })
  field!: string;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: "The value as the source gives it: dates as ISO strings, related facts by id; null: an editor cleared the field.",
  })
  value!: unknown;

  @Field(() => Article, { nullable: true, description: "The article that says it; null for an editor's claim." })
  article!: Article | null;

  @Field(() => String, { nullable: true, description: "Who recorded the claim: `import`, an editor's token subject." })
  createdBy!: string | null;

  @Field(() => DateTimeISOResolver, { description: "When the claim was recorded." })
  createdAt!: Date;

  @Field({ description: "Whether this claim is (part of) the field's current value under the merge rule." })
  current!: boolean;
}
