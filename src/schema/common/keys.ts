// Rows a client names in a filter: by id, or by natural key (a slug; a country's ISO code), the
// model's one unique text column, which the data model generator takes from schema.prisma. An
// id-shaped value is an id (slugs may not have that shape, validation.ts); anything else is a key.
import { models, relationField } from "../../database/data-model";
import type { ModelName } from "../../database/rows";
import { BadUserInputError } from "../../errors";
import type { FactKind } from "../../generated/prisma/client";
import { type Condition, equals, related, reportedIn as reportedInCondition } from "../../read/condition";
import { isUuid } from "../../validation";

/** How each kind of natural key is written, and its stored form (slugs lower case, codes upper). */
const NATURAL_KEYS: Record<string, { shape: RegExp; stored: (key: string) => string; name: string }> = {
  slug: { shape: /^[a-z0-9]+(-[a-z0-9]+)*$/i, stored: (key) => key.toLowerCase(), name: "slug" },
  code: { shape: /^[a-z]{2}$/i, stored: (key) => key.toUpperCase(), name: "ISO code" },
};

/** Checks that an id argument could be one of ours; a malformed one is the client's mistake. */
export function checkedId(id: string, field: string): string {
  if (!isUuid(id)) throw new BadUserInputError(`\`${field}\` is not a valid id.`, field);
  return id;
}

/** The column and value a key names a row of `model` by: its id, or its natural key. */
function namedBy(model: ModelName, key: string, argument: string): { field: string; value: string } {
  if (isUuid(key)) return { field: "id", value: key };
  const naturalKey = models[model].naturalKey;
  const rule = naturalKey ? NATURAL_KEYS[naturalKey] : undefined;
  if (!naturalKey || !rule?.shape.test(key)) {
    throw new BadUserInputError(`\`${argument}\` is not a valid id${rule ? ` or ${rule.name}` : ""}.`, argument);
  }
  return { field: naturalKey, value: rule.stored(key) };
}

/** Rows of `model` whose to-one `relation` is the row the client named (by id: the key column alone). */
export function referencing(model: ModelName, relation: string, key: string, argument: string): Condition {
  const { model: target, foreignKey } = relationField(model, relation);
  const { field, value } = namedBy(target, key, argument);
  return field === "id" ? equals(foreignKey, value) : related(relation, equals(field, value));
}

/** Facts of `kind` that the article the client named (id or slug) reports, matched in the list's statement. */
export function reportedIn(kind: FactKind, key: string): Condition {
  const { field, value } = namedBy("article", key, "filter.reportedIn");
  return reportedInCondition(kind, field === "id" ? value : equals(field, value));
}
