// The HTTP status of a GraphQL answer, by the GraphQL-over-HTTP spec draft
// (https://graphql.github.io/graphql-over-http/draft/#sec-Response):
//
// - `application/json`: 200 for every well-formed request, whatever errors it carries. Gateways
//   rely on it: Apollo Gateway turns a subgraph's 4xx into "400: Bad Request" with code
//   INTERNAL_SERVER_ERROR, losing the error's own code and path; Apollo Router adds
//   SUBREQUEST_HTTP_ERROR. The error's `extensions.code` says what went wrong.
// - `application/graphql-response+json`: 200 when execution began (the answer has `data`), and
//   otherwise the error's own status (400 for a document that does not parse or validate, 401,
//   403...), as Apollo Server and newsgraph's errors set it in `extensions.http`.
// - A request that is not well-formed GraphQL-over-HTTP keeps its status whatever the media type:
//   a body that is not JSON or too large (the body parser's answers), a method or media type
//   refused (405, 406, 415), a missing query or a suspected CSRF (Apollo's BAD_REQUEST).
// - A failure of the server rather than of the request keeps its 5xx (SERVICE_UNAVAILABLE's 503
//   when the database is away): a load balancer or a gateway retries another replica on a 5xx,
//   and that is what the client needs then. The body still carries the code.
import Negotiator from "negotiator";

export const APPLICATION_JSON = "application/json; charset=utf-8";
export const GRAPHQL_RESPONSE_JSON = "application/graphql-response+json; charset=utf-8";

/** The media type of an answer Apollo did not write (a refusal before it): Apollo's negotiation. */
export function negotiatedMediaType(accept: string | undefined): string {
  if (!accept) return APPLICATION_JSON;
  return new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) ?? APPLICATION_JSON;
}

/** Statuses that refuse the request itself, not the GraphQL in it. */
const REQUEST_REFUSALS = new Set([405, 406, 413, 415]);
/** Apollo's code for a request that is not well-formed GraphQL-over-HTTP (no query, CSRF...). */
const MALFORMED_REQUEST = "BAD_REQUEST";

interface GraphQLAnswer {
  data?: unknown;
  errors?: { extensions?: { code?: unknown } }[];
}

/**
 * The status to send for a GraphQL answer given the status it was given (`status`, from the
 * errors' `extensions.http`), its media type and its body. Only non-200 answers are read.
 */
export function graphqlResponseStatus(status: number, mediaType: string | undefined, body: string): number {
  if (status === 200 || status >= 500 || REQUEST_REFUSALS.has(status)) return status;
  const answer = parseAnswer(body);
  if (!answer || answer.errors?.some((error) => error.extensions?.code === MALFORMED_REQUEST)) return status;
  if (mediaType?.startsWith("application/graphql-response+json")) return "data" in answer ? 200 : status;
  if (mediaType?.startsWith("application/json")) return 200;
  return status;
}

function parseAnswer(body: string): GraphQLAnswer | undefined {
  try {
    const answer: unknown = JSON.parse(body);
    return typeof answer === "object" && answer !== null && !Array.isArray(answer) ? (answer as GraphQLAnswer) : undefined;
  } catch {
    return undefined;
  }
}
