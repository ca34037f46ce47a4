// Clients see the errors we mean them to see (those that carry a code other than
// INTERNAL_SERVER_ERROR: our own, and Apollo's parse/validation/input errors) and nothing of
// the rest: an unexpected error is logged and reaches the client as a bare INTERNAL_SERVER_ERROR.
import type { GraphQLFormattedError } from "graphql";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";

const INTERNAL_MESSAGE = "Internal server error";

export function maskErrors(log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code !== undefined && code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    log(unwrapResolverError(error));
    return {
      message: INTERNAL_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
