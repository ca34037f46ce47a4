// The served schema as clients that do not federate introspect it: the subgraph schema without
// the federation machinery (`_service`, `_entities`, `_Any`, `_Entity`, `_Service`, `link__*`,
// `federation__*` and their directives), i.e. exactly schema/schema.graphql. Playground and code
// generators see the API; routers, which send the router's credential, see everything
// (server/jit-executor.ts). Gateways do not need introspection: they read `_service { sdl }`.
import { type GraphQLNamedType, GraphQLObjectType, GraphQLSchema } from "graphql";
import { buildNewsgraphSchema } from "../build-schema";
import { buildNewsgraphSubgraphSchema } from "./subgraph";

let built: Promise<GraphQLSchema> | undefined;

export function buildNewsgraphClientSchema(): Promise<GraphQLSchema> {
  built ??= Promise.all([buildNewsgraphSubgraphSchema(), buildNewsgraphSchema()]).then(([subgraph, plain]) =>
    withoutFederationMachinery(subgraph, plain),
  );
  return built;
}

/**
 * Keeps what the type-graphql schema (`plain`) has, taken from the subgraph: the types are the
 * subgraph's own objects (with the resolvers the server runs), so an operation that mixes
 * introspection with data runs on this schema unchanged. What federation added is whatever the
 * plain schema lacks, so a newer Federation version's additions are dropped without a list here.
 */
function withoutFederationMachinery(subgraph: GraphQLSchema, plain: GraphQLSchema): GraphQLSchema {
  const query = subgraph.getQueryType();
  const plainQuery = plain.getQueryType();
  if (!query || !plainQuery) throw new Error("the schema has no Query type");
  const queryConfig = query.toConfig();
  const clientQuery = new GraphQLObjectType({
    ...queryConfig,
    fields: Object.fromEntries(Object.entries(queryConfig.fields).filter(([name]) => name in plainQuery.getFields())),
  });
  const config = subgraph.toConfig();
  const kept = (type: GraphQLNamedType) => type !== query && plain.getType(type.name) !== undefined;
  return new GraphQLSchema({
    ...config,
    query: clientQuery,
    types: config.types.filter(kept),
    directives: config.directives.filter((directive) => plain.getDirective(directive.name) !== undefined),
    // The subgraph's `extend schema @link(...)`: not part of what clients see.
    astNode: undefined,
    extensionASTNodes: [],
  });
}
