// Which types other subgraphs can join on (federation entities), by which keys, and how a
// representation of one is turned back into a row. Declared here rather than with @Directive
// on each class so that keys and the resolvers that honour them cannot drift apart.
import type { GraphQLResolveInfo } from "graphql";
import { BadUserInputError } from "../../errors";
import type { Context } from "../context";
import { factKinds } from "../fact/fact-kind";
import type { ModelName, Rows } from "../../database/rows";

export interface EntityDefinition {
  /** The table a representation is looked up in. */
  model: ModelName;
  /**
   * Single-field keys, in the order a representation is tried against them. `id` is looked
   * up by primary key; any other key must be a unique column of the model.
   */
  keys: readonly string[];
}

/** Natural keys beside `id`, for services that know a thing by something other than our id. */
const naturalKeys: Record<string, readonly string[]> = {
  Country: ["code"],
};

/**
 * Every fact is an entity keyed by its id, and so is Article. Deriving the list from the
 * fact kinds means a new kind of fact is joinable from other subgraphs as soon as it exists.
 */
export const entities: Record<string, EntityDefinition> = Object.fromEntries(
  [...Object.values(factKinds), { typeName: "Article", model: "article" as const }]
    .sort((a, b) => a.typeName.localeCompare(b.typeName))
    .map(({ typeName, model }) => [typeName, { model, keys: ["id", ...(naturalKeys[typeName] ?? [])] }]),
);

/** What a router sends to `_entities` for one entity: its type name and one of its keys. */
export type Representation = { __typename: string } & Record<string, unknown>;

/** Keys whose values are normalised before lookup (ISO codes are stored upper-case). */
const normalise: Record<string, (value: string) => string> = {
  code: (value) => value.toUpperCase(),
};

/**
 * `__resolveReference` for one entity type. It only enqueues a load on this request's
 * loaders: `_entities` calls it for every representation in the same tick, so all
 * representations of one type and key are read with one SQL statement. Unknown keys give
 * null; a representation without a usable key is the caller's error, reported for it alone.
 * (Async so that those errors reject this entity's promise: a synchronous throw would escape
 * Apollo's loop over the representations and fail all of them.)
 */
export function referenceResolver(typeName: string, { model, keys }: EntityDefinition) {
  return async (representation: Representation, { loaders }: Context, info?: GraphQLResolveInfo): Promise<unknown> => {
    const key = keys.find((field) => representation[field] !== undefined);
    if (key === undefined) {
      throw new BadUserInputError(
        `A ${typeName} representation needs one of its keys: ${keys.map((field) => `\`${field}\``).join(" or ")}.`,
        "representations",
      );
    }
    const value = representation[key];
    if (typeof value !== "string") {
      throw new BadUserInputError(
        `The \`${key}\` of a ${typeName} representation must be a string, not ${value === null ? "null" : typeof value}.`,
        "representations",
      );
    }
    const lookup = normalise[key]?.(value) ?? value;
    // The entities and the relations the query selects on them, in one statement for all the
    // representations of this type (read/read-sql.ts), when the type is in the read model.
    const plan = info ? loaders.plan(info, typeName) : null;
    if (plan) return loaders.selected(plan, key).load(lookup);
    if (key === "id") return loaders.byId(model).load(lookup);
    // A natural key is a unique column named like its GraphQL field (e.g. Country.code).
    return loaders.byUnique(model, key as keyof Rows[typeof model] & string).load(lookup);
  };
}
