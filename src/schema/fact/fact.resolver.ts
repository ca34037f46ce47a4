// `sources` is resolved once here for every type implementing Fact: the concrete type's
// name tells which kind of fact the parent row is.
import type { GraphQLResolveInfo } from "graphql";
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { ArticleConnection } from "../article/article.type";
import { connectionFromList } from "../common/list-connection";
import { PaginationArgs } from "../common/pagination.args";
import { Fact } from "./fact.interface";
import { factKindOfType } from "./fact-kind";

@Resolver(() => Fact)
export class FactResolver {
  @FieldResolver(() => ArticleConnection)
  async sources(
    @Root() fact: { id: string },
    @Args() page: PaginationArgs,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return connectionFromList(await loaders.sources(factKindOfType(info.parentType.name)).load(fact.id), page);
  }
}
