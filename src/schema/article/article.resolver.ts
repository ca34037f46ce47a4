import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { connectionFromList } from "../common/list-connection";
import { always } from "../../read/condition";
import { paginate } from "../common/paginate";
import { PaginationArgs } from "../common/pagination.args";
import type { Context } from "../context";
import { FactConnection } from "../fact/fact.interface";
import { FACT_KIND, FactKind, factKinds, tagFact } from "../fact/fact-kind";
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
    const links = await loaders.manyBy("factSource", "articleId").load(article.id);
    const wanted = kind ? links.filter((link) => link.factKind === kind) : links;
    const rows = await Promise.all(
      wanted.map((link) => loaders.byId(factKinds[link.factKind].model).load(link.factId)),
    );
    const facts = rows
      .flatMap((row, i) => (row ? [tagFact(wanted[i].factKind, row)] : []))
      .sort((a, b) => a[FACT_KIND].localeCompare(b[FACT_KIND]) || sortKey(a).localeCompare(sortKey(b)));
    return connectionFromList(facts, page);
  }
}

/** Facts sort by their natural key where they have one (slug or ISO code), else by id. */
function sortKey(row: { id: string; slug?: string; code?: string }): string {
  return row.slug ?? row.code ?? row.id;
}
