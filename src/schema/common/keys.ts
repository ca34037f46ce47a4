// Rows a client names in a filter: by id, or by natural key (a slug; a country's ISO code), the
// model's one unique text column, which the data model generator takes from schema.prisma. An
// id-shaped value is an id (slugs may not have that shape, validation.ts); anything else is a key.
import { models, relationField } from "../../database/data-model";
import type { ModelName } from "../../database/rows";
import { BadUserInputError } from "../../errors";
import type { FactKind } from "../../generated/prisma/client";
import { type Condition, equals, or, related, reportedIn as reportedInCondition } from "../../read/condition";
import { COUNTRY_CODE_PATTERN, isUuid, SLUG_PATTERN } from "../../validation";

/** Each kind of natural key: its stored form (slugs lower case, codes upper) and that form's shape (validation.ts). */
const NATURAL_KEYS: Record<string, { shape: RegExp; stored: (key: string) => string; name: string }> = {
  slug: { shape: SLUG_PATTERN, stored: (key) => key.toLowerCase(), name: "slug" },
  code: { shape: COUNTRY_CODE_PATTERN, stored: (key) => key.toUpperCase(), name: "ISO code" },
};

/** Checks that an id argument could be one of ours; a malformed one is the client's mistake. */
export function checkedId(id: string, field: string): string {
  if (!isUuid(id)) throw new BadUserInputError(`\`${field}\` is not a valid id.`, field);
  return id;
}

/** The column and value a key names a row of `model` by: its id, or its natural key; null when it can do neither. */
export function keyOf(model: ModelName, key: string): { field: string; value: string } | null {
  if (isUuid(key)) return { field: "id", value: key };
  const naturalKey = models[model].naturalKey;
  const rule = naturalKey ? NATURAL_KEYS[naturalKey] : undefined;
  const stored = rule?.stored(key);
  return naturalKey && stored !== undefined && rule!.shape.test(stored) ? { field: naturalKey, value: stored } : null;
}

/** How a row of `model` may be named: "id", "id or slug", "id or ISO code" (for descriptions and errors). */
export function keyNames(model: ModelName): string {
  const rule = NATURAL_KEYS[models[model].naturalKey ?? ""];
  return rule ? `id or ${rule.name}` : "id";
}

/** The error for a key that can name no row of `model`. */
function notAKey(model: ModelName, argument: string): BadUserInputError {
  return new BadUserInputError(`\`${argument}\` is not a valid ${keyNames(model)}.`, argument);
}

/**
 * Rows of `model` whose to-one `relation` is the row the client named (by id: the key column
 * alone), or that reach it through a path of relations (a statement's `["speakers", "person"]`).
 */
export function referencing(model: ModelName, relation: string | readonly string[], key: string, argument: string): Condition {
  const path = typeof relation === "string" ? [relation] : relation;
  const condition = reaching(model, path, key);
  if (!condition) throw notAKey(path.reduce<ModelName>((at, hop) => relationField(at, hop).model, model), argument);
  return condition;
}

/** Facts of `kind` that the article the client named (id or slug) reports, matched in the list's statement. */
export function reportedIn(kind: FactKind, key: string): Condition {
  const named = keyOf("article", key);
  if (!named) throw notAKey("article", "filter.reportedIn");
  return reportedInCondition(kind, named.field === "id" ? named.value : equals(named.field, named.value));
}

/**
 * Rows of `model` that reach the row the client named (id or natural key) through the relations
 * of `path` (Prisma relation fields, to-one or to-many); null when the key cannot name a row of
 * the path's end (a slug where an ISO code is needed), for callers trying several paths.
 */
export function reaching(model: ModelName, path: readonly string[], key: string): Condition | null {
  const hops: { model: ModelName; relation: string }[] = [];
  let at = model;
  for (const relation of path) {
    hops.push({ model: at, relation });
    at = relationField(at, relation).model;
  }
  const named = keyOf(at, key);
  if (!named) return null;
  const last = hops.pop()!;
  const { keyOn, foreignKey } = relationField(last.model, last.relation);
  let condition =
    named.field === "id" && keyOn === "self" ? equals(foreignKey, named.value) : related(last.relation, equals(named.field, named.value));
  for (const hop of hops.reverse()) condition = related(hop.relation, condition);
  return condition;
}

/** Rows of `model` reaching the named row by any of `paths`; null when no path's end can be named by the key. */
export function reachingAny(model: ModelName, paths: readonly (readonly string[])[], key: string): Condition | null {
  const ways = paths.map((path) => reaching(model, path, key)).filter((way) => way !== null);
  return ways.length ? or(...ways) : null;
}

/** Paths through a link relation (signatories, mediations, speakers) to each kind of entity it links to. */
export function throughLink(links: string): string[][] {
  return [[links, "country"], [links, "organization"], [links, "person"]];
}
