import { Field, ID, ObjectType } from "type-graphql";
import { Audited } from "../common/audited";
import { ConnectionType } from "../common/connection";
import { DateScalar } from "../common/scalars";

@ObjectType({ implements: Audited, description: "A news article: the source that facts are taken from.", simpleResolvers: true })
export class Article extends Audited {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  id!: string;

  @Field({ description: "Stable human-readable key, unique among articles." })
  slug!: string;

  @Field({ description: "Headline, as recorded by newsgraph." })
  title!: string;

  @Field({ description: "Who published the article." })
  publisher!: string;

  @Field(() => String, { nullable: true, description: "The news agency the report comes from, if any." })
  agency!: string | null;

  @Field(() => DateScalar, { description: "Publication date (ISO 8601)." })
  publishedOn!: Date;

  @Field(() => String, { nullable: true, description: "Where the article can be read, when known." })
  url!: string | null;
}

export const ArticleConnection = ConnectionType("Article", Article, "article");
