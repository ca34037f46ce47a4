import { Field, ID, InterfaceType } from "type-graphql";
import { Article, ArticleConnection } from "../article/article.type";
import { Audited } from "../common/audited";
import { type Connection, ConnectionType } from "../common/connection";
import { FACT_KIND, factKinds, type TaggedFact } from "./fact-kind";

export const factTypeName = (value: TaggedFact): string => factKinds[value[FACT_KIND]].typeName;

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
}

export const FactConnection = ConnectionType("Fact", Fact, "fact");
