import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { connectionFromList } from "../common/list-connection";
import { always, and, type Condition, equals } from "../../read/condition";
import { withinDates } from "../common/date-range";
import { GroupCount } from "../common/group-count";
import { OrderDirection, toOrdering } from "../common/order";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { FactConnection } from "../fact/fact.interface";
import { askedVariants, readModel } from "../../read/read-model";
import { FactKind } from "../fact/fact-kind";
import { ArticleFilter, ArticleGrouping, articleGroupings, ArticleOrderField, articleOrderings, ArticlesArgs } from "./article.args";
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

  @Query(() => ArticleConnection, { description: "Articles, newest first unless ordered otherwise." })
  articles(@Args() { filter, orderBy, ...page }: ArticlesArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const ordering = toOrdering(articleOrderings, orderBy, ArticleOrderField.PUBLISHED_ON, OrderDirection.DESC);
    return paginate(loaders.pagesFor(info, "article"), page, articleWhere(filter), ordering);
  }

  @Query(() => [GroupCount], { description: "How many articles match the filter, by group: per month, per publisher..." })
  articleCounts(
    @Arg("by", () => ArticleGrouping, { description: "What to count them by." }) by: ArticleGrouping,
    @Arg("filter", () => ArticleFilter, { nullable: true, description: "Only articles that match." }) filter: ArticleFilter | null,
    @Ctx() { loaders }: Context,
  ) {
    return loaders.groupCounts("article", articleWhere(filter), articleGroupings[by]);
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

function articleWhere(filter: ArticleFilter | null | undefined): Condition {
  if (!filter) return always;
  const conditions = withinDates("publishedOn", filter);
  if (filter.publisher != null) conditions.push(equals("publisher", filter.publisher));
  return and(...conditions);
}
