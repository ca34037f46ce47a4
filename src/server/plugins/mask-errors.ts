// Clients see the errors we mean them to see (those with a code we set) and nothing of the
// rest: an unexpected error becomes INTERNAL_SERVER_ERROR with no message or stack from inside.
import type { GraphQLFormattedError } from "graphql";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError } from "graphql";

const INTERNAL_MESSAGE = "Internal server error";

export function maskErrors(log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    const intended =
      original instanceof GraphQLError && original.originalError === undefined && code !== undefined;
    if (intended && code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    log(original);
    return {
      message: INTERNAL_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
