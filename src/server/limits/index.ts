// Limits that keep the server up under abusive requests, each refused with its own error code
// (limit-error.ts) and a message naming the limit and its value:
//   - the HTTP body: size (PAYLOAD_TOO_LARGE, 413), and a JSON error for any unreadable body;
//   - the document: tokens, counted by the parser itself (TOO_MANY_TOKENS); before Apollo parses
//     or validates it, the fields each operation selects with its fragments expanded
//     (TOO_MANY_SELECTIONS) and the schema asked for at most once (TOO_MANY_SCHEMA_REQUESTS);
//   - the operation: depth, aliases, directives and a cost that multiplies by page sizes
//     (QUERY_TOO_DEEP, TOO_MANY_ALIASES, TOO_MANY_DIRECTIVES, QUERY_TOO_COSTLY);
//   - Apollo Server's own protections, stated rather than left to defaults: CSRF prevention on,
//     HTTP batching off, introspection as configured, and with it off, no "Did you mean ...?"
//     hints in error messages;
//   - requests that could only fail inside execution (request-sanity.ts) refused before it, and
//     Apollo's own request errors that carry a 4xx status but no code given BAD_REQUEST, so that
//     no abusive request is answered (and logged) as an INTERNAL_SERVER_ERROR.
import type { RequestPlugin } from "../plugins/request-plugins";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import type { BodyParser } from "../graphql-http";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { LimitsConfig } from "../../config";
import { bodyErrorResponse, jsonBody } from "./body-limit";
import { withoutSuggestions } from "./field-suggestions";
import { operationLimitsPlugin } from "./operation-limits";
import { requestSanityPlugin } from "./request-sanity";
import { selectionChecker } from "./selection-limit";
import { tokenLimitError } from "./token-limit";

export { LimitCode, LimitExceededError, limitMessage } from "./limit-error";
export { DEFAULT_PAGE_SIZE, measureOperation, type OperationMeasure } from "./operation-limits";
export { countTokens } from "./token-limit";
export { measureDocument } from "./selection-limit";

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export interface AbuseLimits {
  /** To spread into ApolloServer's options. */
  apolloOptions: {
    introspection: boolean;
    csrfPrevention: true;
    allowBatchedHttpRequests: false;
    parseOptions: { maxTokens: number };
  };
  /** Refuse, before execution, what the schema cannot serve and what is over the operation limits. */
  plugins: RequestPlugin[];
  /** Wraps ApolloServer's `formatError`: codes for the token limit and Apollo's request errors, hints hidden when asked. */
  formatError(next: FormatError): FormatError;
  /** The JSON body parser for /graphql, with its size limit. */
  jsonBody: BodyParser;
  /** The answer to a body the parser refused (a GraphQL-style JSON error); undefined for any other error. */
  bodyError(error: unknown): { status: number; body: string } | undefined;
  /** The refusal of a query text over the selection limits, checked before Apollo parses it; null when within. */
  checkQuery(query: string): GraphQLError | null;
}

export function abuseLimits(limits: LimitsConfig, options: { introspection: boolean }): AbuseLimits {
  const hideSuggestions = !options.introspection;
  return {
    apolloOptions: {
      introspection: options.introspection,
      // Apollo Server 5's defaults too; stated so that no upgrade or edit turns them off unnoticed.
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      parseOptions: { maxTokens: limits.maxTokens },
    },
    plugins: [requestSanityPlugin(), operationLimitsPlugin(limits)],
    formatError: (next) => (formatted, error) => {
      let result = formatted;
      const code = formatted.extensions?.code;
      if (code === ApolloServerErrorCode.GRAPHQL_PARSE_FAILED) {
        const tooManyTokens = tokenLimitError(error, limits.maxTokens);
        if (tooManyTokens) result = { message: tooManyTokens.message, extensions: publicExtensions(tooManyTokens.extensions) };
      } else if (code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR && isRequestError(error)) {
        // e.g. "Unsupported persisted query version", "provided sha does not match query"
        result = { ...formatted, extensions: { ...formatted.extensions, code: ApolloServerErrorCode.BAD_REQUEST } };
      }
      if (hideSuggestions) result = { ...result, message: withoutSuggestions(result.message) };
      return next(result, error);
    },
    jsonBody: jsonBody(limits.maxBodyBytes),
    bodyError: (error) => bodyErrorResponse(error, limits.maxBodyBytes),
    checkQuery: selectionChecker(limits),
  };
}

/** An error Apollo Server raised about the request itself: no code, but a 4xx HTTP status. */
function isRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === "number" && status >= 400 && status < 500;
}

/** Extensions as a client sees them: Apollo's `http` instructions are not part of the body. */
function publicExtensions(extensions: Record<string, unknown>): Record<string, unknown> {
  const { http: _http, ...rest } = extensions;
  return rest;
}
