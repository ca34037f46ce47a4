// Relation fields of the read model answer from what the read plan read ahead directly, without
// type-graphql's resolver wrapper (argument conversion into class instances, the middleware
// chain, a promise per call): that wrapper was the largest cost we could remove from nested
// reads, which call these fields once per parent row (docs/performance.md). A relation that was not
// read ahead goes to the field's own resolver, as before. Connections' totalCount likewise.
import type { GraphQLFieldResolver } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { connectionFromList } from "./common/list-connection";
import type { PaginationArgs } from "./common/pagination.args";
import { askedRows, prefetchedKey, readModel, type Relation } from "../read/read-model";

type ResolverMap = Record<string, Record<string, unknown>>;
type Resolver = GraphQLFieldResolver<Record<string, unknown>, unknown>;

/**
 * Replaces, in a graphql-tools style resolver map, the resolver of every relation field of the
 * read model: a to-one field returns the row read ahead, a to-many field (always a connection
 * over the list, like its own resolver) pages the list read ahead.
 */
export function answerReadAheadRelations(resolvers: ResolverMap): void {
  for (const [typeName, { relations }] of Object.entries(readModel)) {
    for (const [field, relation] of Object.entries(relations as Record<string, Relation>)) {
      const own = resolvers[typeName]?.[field] as Resolver | undefined;
      if (!own) throw new Error(`${typeName}.${field} is in the read model but has no resolver`);
      assertNothingToBypass(typeName, field);
      const key = prefetchedKey(field);
      resolvers[typeName][field] = ((parent, args, context, info) => {
        const ready = parent[key];
        if (ready === undefined) return own(parent, args, context, info);
        if (relation.kind === "one") return ready;
        return connectionFromList(askedRows(relation, ready as { id: string }[], args), args as PaginationArgs);
      }) satisfies Resolver;
    }
  }
}

/**
 * Replaces the resolver of every connection's `totalCount` (a field whose value is a promise or
 * a getter making one, so not a `simpleResolvers` field) with a plain read of that value: the
 * type-graphql wrapper cost more than the count of a list read ahead.
 */
export function readConnectionCountsDirectly(resolvers: ResolverMap): void {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    if (!typeName.endsWith("Connection") || !fields.totalCount) continue;
    assertNothingToBypass(typeName, "totalCount");
    resolvers[typeName].totalCount = ((parent) => parent.totalCount) satisfies Resolver;
  }
}

/**
 * The shortcut would skip authorization and middlewares: refuse to build if a relation field has
 * any (type-graphql fills in `roles` and `middlewares` when it builds the schema).
 */
function assertNothingToBypass(typeName: string, field: string): void {
  const storage = getMetadataStorage();
  // By class, not class name: connection classes all share one name (common/connection.ts).
  const typeClass = storage.objectTypes.find((type) => type.name === typeName)?.target;
  if (!typeClass) throw new Error(`${typeName} is not a type-graphql object type`);
  const guarded = [...storage.fieldResolvers, ...storage.fields].some(
    (metadata) =>
      metadata.schemaName === field &&
      ownerClass(metadata) === typeClass &&
      ((metadata.roles?.length ?? 0) > 0 || (metadata.middlewares?.length ?? 0) > 0),
  );
  if (guarded) {
    throw new Error(`${typeName}.${field} has authorization or middlewares, which the shortcut would skip`);
  }
}

function ownerClass(metadata: { target: Function; getObjectType?: () => unknown }): unknown {
  return metadata.getObjectType ? metadata.getObjectType() : metadata.target;
}
