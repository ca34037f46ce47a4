import { Field, ID, InterfaceType } from "type-graphql";
import { Article, ArticleConnection } from "../article/article.type";
import { Change } from "../change/change.type";
import { Claim } from "../claim/claim.type";
import { Audited } from "../common/audited";
import { type Connection, ConnectionType } from "../common/connection";
import { type TypedRow, typeKey } from "../../read/read-model";

export const factTypeName = (value: TypedRow): string => value[typeKey];

@InterfaceType("Fact", {
  implements: Audited,
  description: "Anything newsgraph knows from the news. Every fact can say which articles report it.",
  resolveType: factTypeName,
})
export abstract class Fact extends Audited {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  id!: string;

  @Field(() => ArticleConnection, { description: "The articles that report this fact, oldest first." })
  sources!: Connection<Article>;

  @Field(() => [Claim], {
    description:
      "What each source says about this fact, field by field (its articles, and an editor's values), by field and " +
      "then by source, oldest article first.",
  })
  claims!: Claim[];

  @Field(() => [Change], { description: "Every recorded change to this fact, oldest first." })
  history!: Change[];
}

export const FactConnection = ConnectionType("Fact", Fact, "fact");
