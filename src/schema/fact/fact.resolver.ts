// `sources` is resolved once here for every type implementing Fact: the concrete type's
// name tells which kind of fact the parent row is.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { Change } from "../change/change.type";
import { Claim } from "../claim/claim.type";
import type { Context } from "../context";
import { ArticleConnection } from "../article/article.type";
import { connectionFromList } from "../common/list-connection";
import { PaginationArgs } from "../common/pagination.args";
import { Fact } from "./fact.interface";
import type { FactTypeName } from "../../read/read-model";
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
    return connectionFromList(await loaders.related(fact, info.parentType.name as FactTypeName, "sources"), page);
  }

  // Batched: one statement for the claims of every fact of a type at this level (loaders.ts).
  @FieldResolver(() => [Claim])
  async claims(
    @Root() fact: { id: string },
    @Arg("field", () => String, { nullable: true, description: "Only the claims about this field, e.g. `aliases`." })
    field: string | null | undefined,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const claims = await loaders.claims(factKindOfType(info.parentType.name)).load(fact.id);
    return field ? claims.filter((claim) => claim.field === field) : claims;
  }

  // Batched like claims: one statement per level.
  @FieldResolver(() => [Change])
  history(@Root() fact: { id: string }, @Ctx() { loaders }: Context) {
    return loaders.history().load(fact.id);
  }
}
