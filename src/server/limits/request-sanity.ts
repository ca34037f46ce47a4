// Requests the schema or the database cannot serve, refused before execution with a client
// error rather than failing inside it (which clients would see as INTERNAL_SERVER_ERROR and the
// log as an unexpected error):
//   - an operation type the schema has no root for (graphql-js 16 validates no such thing, and
//     fails at execution: "Schema is not configured to execute subscription operation.");
//   - a subscription over HTTP (it is served over WebSocket: server/subscriptions);
//   - a string, in the document or in the variables, with a NUL character: PostgreSQL text
//     cannot hold one, so any comparison with it fails in the database.
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { type DocumentNode, GraphQLError, type GraphQLSchema, Kind, type OperationDefinitionNode, OperationTypeNode, visit } from "graphql";
import type { RequestHooks, RequestPlugin } from "../plugins/request-plugins";

const NUL = "\u0000";

export function requestSanityPlugin(): RequestPlugin {
  const hooks: RequestHooks = {
    didResolveOperation({ schema, document, operation, request }) {
      const error = operation && unservableError(schema, document, operation, request.variables);
      if (error) throw error;
    },
  };
  return () => hooks;
}

/**
 * Why the schema or the database cannot serve this operation, or null when they can. Over HTTP
 * (`overWebSocket` false) a subscription is refused: it needs a connection that stays open.
 */
export function unservableError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  overWebSocket = false,
): GraphQLError | null {
  if (!schema.getRootType(operation.operation)) {
    return new GraphQLError(`This service has no ${operation.operation} operations.`, {
      extensions: { code: ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE, http: { status: 400 } },
    });
  }
  if (operation.operation === OperationTypeNode.SUBSCRIPTION && !overWebSocket) {
    return new GraphQLError("Subscriptions are served over WebSocket at /graphql (the graphql-transport-ws protocol of graphql-ws), not over HTTP.", {
      extensions: { code: ApolloServerErrorCode.BAD_REQUEST, http: { status: 400 } },
    });
  }
  if (documentHasNul(document) || valueHasNul(variables)) {
    return new GraphQLError("Strings must not contain the NUL character (U+0000).", {
      extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT, http: { status: 400 } },
    });
  }
  return null;
}

/** By parsed document: Apollo hands the same object for the same query text. */
const nulInDocument = new WeakMap<DocumentNode, boolean>();

function documentHasNul(document: DocumentNode): boolean {
  let found = nulInDocument.get(document);
  if (found === undefined) {
    found = scanForNul(document);
    nulInDocument.set(document, found);
  }
  return found;
}

function scanForNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (node.value.includes(NUL)) found = true;
    },
  });
  return found;
}

/** Whether any string in a JSON value (keys included) holds a NUL; iterative, for any nesting. */
function valueHasNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === "string") {
      if (next.includes(NUL)) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
    } else if (next !== null && typeof next === "object") {
      for (const [key, item] of Object.entries(next)) {
        if (key.includes(NUL)) return true;
        pending.push(item);
      }
    }
  }
  return false;
}
