import { Field, ID, InterfaceType } from "type-graphql";
import { Article } from "../article/article.type";
import { FACT_KIND, factKinds, type TaggedFact } from "./fact-kind";

@InterfaceType("Fact", {
  description: "Anything newsgraph knows from the news. Every fact can say which articles report it.",
  resolveType: (value: TaggedFact) => factKinds[value[FACT_KIND]].typeName,
})
export abstract class Fact {
  @Field(() => ID, { description: "Opaque, stable identifier." })
  id!: string;

  @Field(() => [Article], { description: "The articles that report this fact, oldest first." })
  sources!: Article[];
}
