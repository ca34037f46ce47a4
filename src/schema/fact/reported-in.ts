// "Facts reported by this article" as a condition on an entity's list query.
import { BadUserInputError } from "../../errors";
import type { FactKind, PrismaClient } from "../../generated/prisma/client";
import { isUuid } from "../../validation";

/** Checks that an id argument could be one of ours; a malformed one is the client's mistake. */
export function checkedId(id: string, field: string): string {
  if (!isUuid(id)) throw new BadUserInputError(`\`${field}\` is not a valid id.`, field);
  return id;
}

export async function reportedIn(
  prisma: PrismaClient,
  kind: FactKind,
  articleId: string,
): Promise<{ id: { in: string[] } }> {
  const links = await prisma.factSource.findMany({
    where: { articleId: checkedId(articleId, "filter.reportedIn"), factKind: kind },
    select: { factId: true },
  });
  return { id: { in: links.map((link) => link.factId) } };
}
