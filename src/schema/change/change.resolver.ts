// The change log, by fact or by article: `history(entityId:)` also finds deleted facts.
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { BadUserInputError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import type { Context } from "../context";
import { checkedId } from "../common/keys";
import { Change } from "./change.type";

@Resolver()
export class ChangeResolver {
  @Query(() => [Change], {
    description:
      "Changes, oldest first: to one fact or article (`entityId`, deleted ones too), or made by recording one article " +
      "(`articleId` or `articleSlug`). At least one of them is needed.",
  })
  history(
    @Arg("entityId", () => ID, { nullable: true, description: "The id of a fact or an article." }) entityId: string | null,
    @Arg("articleId", () => ID, { nullable: true, description: "Changes made by recording this article." }) articleId: string | null,
    @Arg("articleSlug", () => String, { nullable: true, description: "The same by the article's slug." }) articleSlug: string | null,
    @Arg("first", () => Int, { defaultValue: 100, description: "At most this many entries (1 to 500)." }) first: number,
    @Ctx() { prisma }: Context,
  ) {
    if (!entityId && !articleId && !articleSlug) {
      throw new BadUserInputError("Give `entityId`, `articleId` or `articleSlug`.", "entityId");
    }
    if (first < 1 || first > 500) throw new BadUserInputError("`first` must be between 1 and 500.", "first");
    const where: Prisma.ChangeWhereInput = {
      ...(entityId ? { entityId: checkedId(entityId, "entityId") } : {}),
      ...(articleId ? { articleId: checkedId(articleId, "articleId") } : {}),
      ...(articleSlug ? { articleSlug } : {}),
    };
    return prisma.change.findMany({ where, orderBy: { seq: "asc" }, take: first });
  }
}
