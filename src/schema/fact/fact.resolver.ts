// `sources` is resolved once here for every type implementing Fact: the concrete type's
// name tells which kind of fact the parent row is.
import type { GraphQLResolveInfo } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Article } from "../article/article.type";
import { Fact } from "./fact.interface";
import { factKindOfType } from "./fact-kind";

@Resolver(() => Fact)
export class FactResolver {
  @FieldResolver(() => [Article])
  sources(@Root() fact: { id: string }, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.sources(factKindOfType(info.parentType.name)).load(fact.id);
  }
}
