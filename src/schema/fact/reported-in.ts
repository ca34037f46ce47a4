// "Facts reported by this article" as a condition on an entity's list query.
import { BadUserInputError } from "../../errors";
import type { FactKind } from "../../generated/prisma/client";
import { type Condition, reportedIn as reportedInCondition } from "../../read/condition";
import { isUuid } from "../../validation";

/** Checks that an id argument could be one of ours; a malformed one is the client's mistake. */
export function checkedId(id: string, field: string): string {
  if (!isUuid(id)) throw new BadUserInputError(`\`${field}\` is not a valid id.`, field);
  return id;
}

/** Facts of `kind` that the article (by id) reports: checked here, matched in the list's statement. */
export function reportedIn(kind: FactKind, articleId: string): Condition {
  return reportedInCondition(kind, checkedId(articleId, "filter.reportedIn"));
}
