// Clients see the errors we mean them to see (those that carry a code other than
// INTERNAL_SERVER_ERROR: our own, and Apollo's parse/validation/input errors) and nothing of
// the rest: an error saying the database is unreachable or too slow becomes SERVICE_UNAVAILABLE
// (transient: try again); any other unexpected error is logged and reaches the client as a bare
// INTERNAL_SERVER_ERROR. Neither carries internals.
import type { GraphQLFormattedError } from "graphql";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { isDatabaseUnavailableError } from "../../database/database";
import { clientErrorFromDatabase } from "../../errors";
import { requestOfError } from "../../observability/request-record";
import { SERVICE_UNAVAILABLE } from "./service-unavailable";

const INTERNAL_MESSAGE = "Internal server error";
const UNAVAILABLE_MESSAGE = "The database is unavailable or did not answer in time; try again shortly";

export function maskErrors(log: (error: unknown, requestId: string | undefined) => void, onUnavailable: (error: unknown) => void = () => undefined) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code !== undefined && code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    const original = unwrapResolverError(error);
    // A write the database refused for the client's reasons (duplicate key, missing row): say so.
    const clientError = clientErrorFromDatabase(original);
    if (clientError) {
      return {
        message: clientError.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: clientError.extensions,
      };
    }
    const unavailable = isDatabaseUnavailableError(original);
    // Noted when the error was raised (plugins/request-record.ts, the subscriptions' events).
    const requestId = requestOfError(error)?.id;
    if (unavailable) onUnavailable(original);
    else log(original, requestId);
    return {
      message: unavailable ? UNAVAILABLE_MESSAGE : INTERNAL_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: {
        code: unavailable ? SERVICE_UNAVAILABLE : ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
        // The same id is in the log line of the error: support can find it from the response.
        ...(requestId ? { requestId } : {}),
      },
    };
  };
}
