// Executes operations with graphql-jit instead of graphql-js's interpreter: each document is
// compiled once into a function that walks the result, instead of every field paying for
// graphql-js's per-field bookkeeping on every request (the largest share of a nested read's CPU,
// docs/performance.md). Apollo Server's one hook for another executor is its gateway interface: the
// schema and an executor, while parsing, validation, plugins and error formatting stay Apollo's.
// What it gives up: incremental delivery (@defer/@stream), which this schema does not offer.
import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import { type DocumentNode, type ExecutionResult, execute, GraphQLError, type GraphQLSchema, Kind, type OperationDefinitionNode } from "graphql";
import { getVariableValues } from "graphql/execution/values";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import { fragmentsOf, selectsRootField } from "./document-fragments";
import type { RouterCheck } from "./router-credential";

type GatewayInterface = ApolloServerOptionsWithGateway<never>["gateway"];
type GatewayLoadResult = Awaited<ReturnType<GatewayInterface["load"]>>;
type GatewayExecutor = NonNullable<GatewayLoadResult["executor"]>;

type Compiled = CompiledQuery | ExecutionResult;
type CompiledOperations = Map<string, Compiled>;

/**
 * The schemas an operation may run on: the served subgraph schema, and the same without the
 * federation machinery (schema/federation/client-schema.ts) for operations that introspect,
 * unless the request is a router's.
 */
export interface ServedSchemas {
  schema: GraphQLSchema;
  clientSchema: GraphQLSchema;
  isRouter: RouterCheck;
}

export function jitExecutor({ schema, clientSchema, isRouter }: ServedSchemas): GatewayExecutor {
  const compilers = new Map([schema, clientSchema].map((served) => [served, compiler(served)]));
  // Whether an operation asks for the schema, by operation node: Apollo hands the same parsed
  // document for the same query text, so this walk is done once per document, not per request.
  const asksForSchema = new WeakMap<OperationDefinitionNode, boolean>();
  const selectsSchema = (document: DocumentNode, operation: OperationDefinitionNode) => {
    let asks = asksForSchema.get(operation);
    if (asks === undefined) {
      asks = selectsRootField(operation.selectionSet, fragmentsOf(document), SCHEMA_FIELDS);
      asksForSchema.set(operation, asks);
    }
    return asks;
  };
  return async ({ document, operation, operationName, request, context }) => {
    const variables = request.variables ?? {};
    // No operation to run (none by the requested name, or several and no name): graphql-js
    // answers with its errors before running anything (Apollo makes that a 400).
    if (!operation) return (await execute({ schema, document, operationName: request.operationName, variableValues: variables })) as ExecutionResult;
    // Variables are coerced by graphql-js first: its errors are the ones Apollo recognizes (and
    // answers with BAD_USER_INPUT and status 400), with graphql-js's messages and suggestions.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return { errors: coerced.errors };
    const served =
      selectsSchema(document, operation) && !isRouter(request.http?.headers)
        ? clientSchema
        : schema;
    if (isIntrospectionOnly(operation)) {
      return (await execute({ schema: served, document, operationName: request.operationName, variableValues: variables, contextValue: context })) as ExecutionResult;
    }
    const compiled = compilers.get(served)!(document, operationName);
    if (!isCompiledQuery(compiled)) return { errors: (compiled.errors ?? []).map(asGraphQLJsError) };
    const result = (await compiled.query(undefined, context, variables)) as ExecutionResult<Record<string, unknown>>;
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };
}

/** The introspection fields that describe the schema (`__typename` describes only a value). */
const SCHEMA_FIELDS = ["__schema", "__type"];

/** Compiles operations against `schema`, once per parsed document and operation name. */
function compiler(schema: GraphQLSchema): (document: DocumentNode, operationName: string | null) => Compiled {
  // Compiled operations by parsed document. Apollo keeps one parsed document per query text (its
  // document store), so a document seen again is the same object; documents it evicts take their
  // compiled operations with them.
  const compiledByDocument = new WeakMap<DocumentNode, CompiledOperations>();
  return (document, operationName) => {
    let operations = compiledByDocument.get(document);
    if (!operations) {
      operations = new Map();
      compiledByDocument.set(document, operations);
    }
    const key = operationName ?? "";
    let compiled: Compiled | undefined = operations.get(key);
    if (!compiled) {
      compiled = compileQuery(schema, document, operationName ?? undefined);
      operations.set(key, compiled);
    }
    return compiled;
  };
}

/**
 * An operation that asks only for the schema (`__schema`, `__type`, `__typename`): Playground's
 * schema fetch, sent once per session. graphql-jit would compile the introspection query's ~220
 * fields (~35 ms) and then run it slower than graphql-js runs it uncompiled (20–38 ms against
 * 7–10 ms, measured on this schema): one request holding the event loop for ~70 ms.
 */
function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith("__"));
}

/**
 * graphql-jit's errors leave `extensions` undefined when the original error has none, where
 * graphql-js always gives an object (Apollo's error formatting reads `extensions.code`).
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  (copy as { locations?: GraphQLError["locations"] }).locations = error.locations;
  return copy;
}

/** The gateway-shaped wrapper Apollo Server takes in place of `schema`: a fixed schema, our executor. */
export function jitGateway(schemas: ServedSchemas): GatewayInterface {
  return {
    load: async () => ({ executor: jitExecutor(schemas) }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schemas.schema, coreSupergraphSdl: "" });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}
