import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { connectionFromList } from "../common/list-connection";
import { always } from "../../read/condition";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { FactConnection } from "../fact/fact.interface";
import { askedVariants, readModel } from "../../read/read-model";
import { FactKind } from "../fact/fact-kind";
import { Article, ArticleConnection } from "./article.type";

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: "One article by id." })
  article(@Arg("id", () => ID, { description: "The article's id." }) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "article", id);
  }

  @Query(() => Article, { nullable: true, description: "One article by slug." })
  articleBySlug(@Arg("slug", { description: "The article's slug." }) slug: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return loaders.oneBy(info, "article", slug, "slug");
  }

  @Query(() => ArticleConnection, { description: "All articles, newest first." })
  articles(@Args() page: PaginationArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    return paginate(loaders.pagesFor(info, "article"), page, always, {
      field: "publishedOn",
      direction: "desc",
      nullable: false,
      isDate: true,
    });
  }

  @FieldResolver(() => FactConnection, {
    description: "The facts this article reports, optionally of one kind; by kind, then slug or code.",
  })
  async facts(
    @Root() article: Article,
    @Arg("kind", () => FactKind, { nullable: true, description: "Only facts of this kind." }) kind: FactKind | null,
    @Args() page: PaginationArgs,
    @Ctx() { loaders }: Context,
  ) {
    const facts = await loaders.related(article, "Article", "facts");
    return connectionFromList(askedVariants(readModel.Article.relations.facts, facts, { kind }), page);
  }
}
