// GraphQL over HTTP at /graphql: Apollo's HTTP handling on node's own request and response.
// POSTs (nearly all GraphQL traffic) reach it without express: express's per-request handling
// (its app, not its router: measured apart) made each request's objects survive the
// young-generation collections and be promoted, even at one connection: a bare express 5 app
// promoted a third to a half of what it allocated, node:http alone nothing. That promotion drove
// the server's peak memory and much of its GC time (docs/performance.md, "Memory"). GETs come through
// express, after Playground has taken the browsers' page requests; express's request and
// response are node's, so the same handler serves them.
//
// Written here rather than taken from a library: Apollo's integrations are per framework, and
// this is the few lines of its express5 one (headers in, body in, status/headers/body out)
// without express.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, type BaseContext, HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { Logger } from "../observability/logger";
import { requestRecordOf } from "../observability/request-record";
import { type HttpCachePolicy, NO_STORE } from "./http-cache";
import { pathOf } from "./middleware/observe-requests";
import type { RequestQueue } from "./middleware/request-queue";
import { SERVICE_UNAVAILABLE } from "./plugins/service-unavailable";
import { APPLICATION_JSON, graphqlResponseStatus, negotiatedMediaType } from "./response-status";

/** A connect-style body parser that sets `req.body` (express.json / body-parser). */
export type BodyParser = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export interface GraphQLHttpOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  parseBody: BodyParser;
  /** The answer to a body the parser refused; undefined for any other error. */
  bodyError(error: unknown): { status: number; body: string } | undefined;
  /** Refuses a query text before Apollo parses and validates it (the selection limits); null lets it through. */
  checkQuery(query: string): GraphQLError | null;
  context(req: IncomingMessage): Promise<Context>;
  /** Cache-Control, ETag and Vary of each answer, and 304 for a current copy (http-cache.ts). */
  cache: HttpCachePolicy;
  /**
   * Checks the request's document before anything else reads it, and gives the request to hand
   * Apollo, or the error to answer (trusted-documents.ts, under TRUSTED_DOCUMENTS_ONLY).
   */
  checkDocument?(request: { method: string; body: unknown; search: string }): Promise<{ method: string; body: unknown; search: string } | GraphQLError>;
  /** Where requests wait for their turn once read (request-queue.ts); none: every request runs at once. */
  queue?: RequestQueue;
}

/** The answer to a request that waited its longest for its turn (request-queue.ts). */
const BUSY = new GraphQLError("The server is busy; try again shortly", { extensions: { code: SERVICE_UNAVAILABLE, http: { status: 503 } } });

/**
 * `handle`, with a failure it did not answer itself logged and answered 500 (no body, nothing
 * cached), or the connection dropped when the answer had already begun.
 */
export function answeringUnexpectedErrors(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
  logger: Pick<Logger, "error">,
): (req: IncomingMessage, res: ServerResponse) => Promise<unknown> {
  return (req, res) =>
    handle(req, res).catch((error: unknown) => {
      logger.error({ reqId: requestRecordOf(req)?.id, err: error }, "unexpected error while serving GraphQL");
      if (res.headersSent) return res.destroy();
      res.statusCode = 500;
      res.setHeader("cache-control", NO_STORE);
      res.end();
    });
}

export function isGraphQLPost(req: IncomingMessage): boolean {
  return req.method === "POST" && pathOf(req.url) === "/graphql";
}

export function graphqlHttpHandler<Context extends BaseContext>(options: GraphQLHttpOptions<Context>) {
  const { apollo, parseBody, bodyError, checkQuery, context, cache, checkDocument, queue } = options;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: unknown;
    try {
      body = await readBody(parseBody, req, res);
    } catch (error) {
      const answer = bodyError(error);
      if (!answer) throw error; // not the client's body: the caller logs it and answers 500
      send(res, answer.status, answer.body);
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const url = req.url ?? "/";
    let search = url.slice(pathOf(url).length);
    if (checkDocument) {
      const checked = await checkDocument({ method: (req.method ?? "GET").toUpperCase(), body, search });
      if (checked instanceof GraphQLError) {
        refuse(req, res, checked);
        return;
      }
      ({ body, search } = checked);
    }
    const query = queryText(req.method, body, search);
    const refusal = query === undefined ? null : checkQuery(query);
    if (refusal) {
      refuse(req, res, refusal);
      return;
    }
    if (queue) {
      const admitted = queue.enter();
      if (admitted !== true && !(await admitted)) {
        refuse(req, res, BUSY);
        return;
      }
    }
    try {
      await execute(req, res, { method: (req.method ?? "GET").toUpperCase(), headers, search, body });
    } finally {
      queue?.leave();
    }
  };

  /** Runs a request through Apollo and sends its answer. */
  async function execute(req: IncomingMessage, res: ServerResponse, httpGraphQLRequest: HTTPGraphQLRequest): Promise<void> {
    const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => context(req) });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      const mediaType = response.headers.get("content-type");
      res.statusCode = graphqlResponseStatus(res.statusCode, mediaType, response.body.string);
      if (cache.answer(req, res, res.statusCode, mediaType, response.body.string)) {
        // 304: the validators and caching headers of the 200, no body and no representation headers.
        res.statusCode = 304;
        res.removeHeader("content-type");
        res.end();
        return;
      }
      res.setHeader("content-length", Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    res.setHeader("cache-control", NO_STORE);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/** The query text of a GraphQL request: the JSON body's `query`, or a GET's `query` parameter. */
function queryText(method: string | undefined, body: unknown, search: string): string | undefined {
  const query =
    method === "GET" ? new URLSearchParams(search).get("query") : (body as { query?: unknown } | null | undefined)?.query;
  return typeof query === "string" ? query : undefined;
}

/** Answers a request refused before Apollo saw it as Apollo would: its media type and status, a JSON error, the code in the request's record. */
function refuse(req: IncomingMessage, res: ServerResponse, error: GraphQLError): void {
  const { http, ...extensions } = error.extensions as { http?: { status?: number }; code?: unknown };
  const record = requestRecordOf(req);
  if (record) record.graphql = { operationName: null, operationType: null, errorCodes: [String(extensions.code)] };
  const mediaType = negotiatedMediaType(req.headers.accept);
  const body = JSON.stringify({ errors: [{ message: error.message, extensions }] });
  send(res, graphqlResponseStatus(http?.status ?? 400, mediaType, body), body, mediaType);
}

/** Runs the body parser on a plain request; resolves with what it parsed (undefined when it parsed nothing). */
function readBody(parseBody: BodyParser, req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  return new Promise((resolve, reject) => {
    parseBody(req, res, (error) => (error ? reject(error) : resolve((req as { body?: unknown }).body)));
  });
}

function send(res: ServerResponse, status: number, body: string, mediaType = APPLICATION_JSON): void {
  res.statusCode = status;
  res.setHeader("cache-control", NO_STORE);
  res.setHeader("content-type", mediaType);
  res.setHeader("content-length", Buffer.byteLength(body));
  res.end(body);
}
