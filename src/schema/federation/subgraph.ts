// The schema the server serves: the type-graphql schema as an Apollo Federation 2 subgraph,
// so routers and gateways can compose newsgraph with other services. Clients that do not
// federate see the same types and fields (schema/schema.graphql); routers also get `_service`
// and `_entities`, and read the entity keys from `_service { sdl }` (schema/subgraph.graphql).
import "reflect-metadata";
import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import {
  type ConstDirectiveNode,
  concatAST,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isObjectType,
  Kind,
  lexicographicSortSchema,
  parse,
  visit,
} from "graphql";
import { createResolversMap } from "type-graphql";
import { BadUserInputError } from "../../errors";
import { buildNewsgraphSchema, printNewsgraphSchema } from "../build-schema";
import { ACTOR_UNIONS } from "../actor/actor-unions";
import { taggedTypeName } from "../../read/read-model";
import { ceasefirePartyTypeName } from "../ceasefire/ceasefire.type";
import { searchEntityTypeName } from "../search/search.type";
import { timelineSubjectTypeName } from "../timeline/timeline.type";
import { factTypeName } from "../fact/fact.interface";
import { answerReadAheadRelations, readConnectionCountsDirectly } from "../read-ahead-resolvers";
import { entities, referenceResolver, type Representation } from "./entities";

const SYNCHRONOUS_TYPE_RESOLVERS = { CeasefireParty: ceasefirePartyTypeName, ...Object.fromEntries(ACTOR_UNIONS.map((name) => [name, taggedTypeName])), Fact: factTypeName, TimelineSubject: timelineSubjectTypeName, SearchEntity: searchEntityTypeName };

/**
 * The Federation version we link: the floor we document. We use only `@key`; 2.4 because a
 * subgraph with a Subscription type must link 2.4 or later for a router to serve it (Apollo
 * Router's subscription support). Every version we require is one an older router may not know.
 */
export const FEDERATION_URL = "https://specs.apollo.dev/federation/v2.4";

type ResolverMap = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>["resolvers"]>;

const LINK = `extend schema @link(url: "${FEDERATION_URL}", import: ["@key"])`;

let built: Promise<GraphQLSchema> | undefined;

/** The served schema (built once per process, like the type-graphql schema it wraps). */
export function buildNewsgraphSubgraphSchema(): Promise<GraphQLSchema> {
  built ??= buildNewsgraphSchema().then(toSubgraph);
  return built;
}

/**
 * The SDL committed at schema/subgraph.graphql, for rover to compose from: the schema that
 * `_service { sdl }` describes, without the federation definitions a router adds itself.
 * Sorted like schema/schema.graphql; Apollo's printer (unlike graphql-js's) keeps directives.
 */
export function printNewsgraphSubgraphSchema(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(lexicographicSortSchema(schema))}\n`;
}

function toSubgraph(schema: GraphQLSchema): GraphQLSchema {
  // type-graphql's resolvers are plain functions over the same types and fields, so they can
  // be re-attached to the schema Apollo builds from the SDL.
  const resolvers: Record<string, object> = createResolversMap(schema);
  for (const [typeName, entity] of Object.entries(entities)) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: referenceResolver(typeName, entity) };
  }
  answerReadAheadRelations(resolvers as Record<string, Record<string, unknown>>);
  readConnectionCountsDirectly(resolvers as Record<string, Record<string, unknown>>);
  // type-graphql wraps each abstract type's own resolveType in an async function; graphql-jit
  // (server/jit-executor.ts) needs the type name synchronously, so these get the plain ones.
  for (const [typeName, resolveType] of Object.entries(SYNCHRONOUS_TYPE_RESOLVERS)) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveType: resolveType };
  }
  // Both libraries describe the same graphql-tools style map, with different types.
  const subgraph = buildSubgraphSchema({ typeDefs: subgraphTypeDefs(schema), resolvers: resolvers as ResolverMap });
  reportForeignRepresentationsAlone(subgraph);
  return subgraph;
}

/** The printed type-graphql schema with the federation link and each entity's `@key`s. */
function subgraphTypeDefs(schema: GraphQLSchema): DocumentNode {
  for (const [typeName, { keys }] of Object.entries(entities)) {
    const type = schema.getType(typeName);
    // Fail the build, not a router's composition, when a type or key field is renamed.
    if (!isObjectType(type)) throw new Error(`federation entity ${typeName} is not an object type of the schema`);
    for (const key of keys) {
      if (!type.getFields()[key]) throw new Error(`federation key ${typeName}.${key} is not a field of the schema`);
    }
  }
  const typeDefs = visit(parse(printNewsgraphSchema(schema)), {
    ObjectTypeDefinition(node) {
      const entity = entities[node.name.value];
      return entity ? { ...node, directives: [...(node.directives ?? []), ...entity.keys.map(keyDirective)] } : undefined;
    },
  });
  return concatAST([parse(LINK), typeDefs]);
}

function keyDirective(fields: string): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: "key" },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: "fields" },
        value: { kind: Kind.STRING, value: fields },
      },
    ],
  };
}

/**
 * Apollo's `_entities` fails the whole list, as an unexpected error, when one representation
 * names a type that is not an entity here. That is the caller's mistake about one item: answer
 * that item with BAD_USER_INPUT and still resolve the others.
 */
function reportForeignRepresentationsAlone(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve as GraphQLFieldResolver<unknown, unknown, { representations: unknown[] }> | undefined;
  if (!field || !resolve) throw new Error("the subgraph schema has no _entities resolver");
  field.resolve = (source, args: { representations: unknown[] }, context, info) => {
    const ours = args.representations.filter(isOurRepresentation);
    const resolved = resolve(source, { representations: ours }, context, info) as unknown[];
    let next = 0;
    // An Error returned as a list item is reported as that item's error. Items are settled
    // here, not left as promises that may reject: graphql-jit (server/jit-executor.ts) 0.8.9
    // appends a stray null to the list for each rejected item promise.
    return args.representations.map((representation) =>
      isOurRepresentation(representation) ? settled(resolved[next++]) : foreignRepresentationError(representation),
    );
  };
}

/** The item's value, or its error as a value. */
function settled(item: unknown): unknown {
  return item instanceof Promise ? item.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))) : item;
}

function isOurRepresentation(value: unknown): value is Representation {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const typeName = (value as { __typename?: unknown }).__typename;
  return typeof typeName === "string" && Object.hasOwn(entities, typeName);
}

function foreignRepresentationError(value: unknown): BadUserInputError {
  const typeName =
    typeof value === "object" && value !== null ? (value as { __typename?: unknown }).__typename : undefined;
  const expected = `one of ${Object.keys(entities).join(", ")}`;
  return new BadUserInputError(
    typeof typeName === "string"
      ? `"${typeName}" is not an entity type of newsgraph; expected ${expected}.`
      : `A representation must be an object whose \`__typename\` is ${expected}.`,
    "representations",
  );
}
