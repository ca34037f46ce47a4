// GraphQL subscriptions over WebSocket at /graphql, with graphql-ws (the graphql-transport-ws
// protocol), beside the HTTP endpoint on the same port. What a connection may do:
//   - authenticate in `connection_init` ({ "authorization": "Bearer <JWT>" }), or, for a router
//     or a server-side client that cannot set that payload, with the upgrade request's
//     Authorization header: the same tokens and the same AUTH_REQUIRE_TOKEN_FOR_READS rule as
//     HTTP; refused with close code 4403 and the reason, and closed the same way when its token
//     expires. No cookies are read, so a page on
//     another origin cannot subscribe with a visitor's credentials (no cross-site hijacking).
//   - subscribe, and only subscribe (queries and mutations go over HTTP, with their caching,
//     CSRF and body rules), within the HTTP path's document and operation limits, at most
//     `maxPerConnection` at a time, and at most `maxTotal` on the server;
//   - send messages up to the HTTP body limit (a larger one closes the connection: 1009);
//   - under TRUSTED_DOCUMENTS_ONLY, subscribe with listed documents only (by text or by hash).
// Every event is executed like a query: compiled once per subscription by graphql-jit, with a
// request context per event (its own loaders, so nothing read for one event is served stale to
// the next) reading from the primary, which has the change; the fact or article an event names is
// read with its selection in one statement when the selection compiles. The subscribers of one
// event share its context, so its loaders read what they ask for once for all of them. Errors are
// formatted by the HTTP path's formatter (codes kept, internals masked). Idle connections are
// pinged every `keepAliveMs` and dropped when they do not answer; on shutdown every connection
// is closed with 1001 (going away), so clients reconnect to another replica.
import type http from "node:http";
import type { Duplex } from "node:stream";
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  getOperationAST,
  GraphQLError,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  parse,
  validate,
} from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { CloseCode, type Context as ConnectionContext } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Viewer } from "../../auth/viewer";
import type { ChangeFeed } from "../../events/change-feed";
import { SubscriberTooSlowError } from "../../events/change-feed";
import { withStatementScope } from "../../observability/statement-counter";
import type { Logger } from "../../observability/logger";
import { newRequestRecord, noteRequestErrors } from "../../observability/request-record";
import { type Context, createContext, type ReadPaths } from "../../schema/context";
import { fragmentsOf } from "../document-fragments";
import { checkOperationLimits, measureOperation, type OperationLimits } from "../limits/operation-limits";
import { unservableError } from "../limits/request-sanity";
import { tokenLimitError } from "../limits/token-limit";
import { persistedQueryHash, type TrustedDocuments } from "../trusted-documents";

export interface SubscriptionLimits {
  /** Subscriptions one connection may have open at a time. */
  maxPerConnection: number;
  /** Subscriptions open on this server, all connections together. */
  maxTotal: number;
  /** Ping interval; a connection that has not answered the previous ping by then is dropped. */
  keepAliveMs: number;
  /** Time a new connection has to send `connection_init`. */
  connectionInitTimeoutMs: number;
}

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  schema: GraphQLSchema;
  feed: ChangeFeed;
  /** Reads of events: the primary (a replica may not have replayed the change yet). */
  primaryReads: ReadPaths["primary"];
  /** The viewer a token proves, as for HTTP (throws UNAUTHENTICATED). */
  authenticate(authorization: string | undefined): Promise<Viewer | null>;
  limits: SubscriptionLimits & OperationLimits & { maxTokens: number; maxBodyBytes: number; checkQuery(query: string): GraphQLError | null };
  /** Under TRUSTED_DOCUMENTS_ONLY, the list a subscription's document must be in, as over HTTP. */
  trustedDocuments?: TrustedDocuments;
  /** The HTTP path's error formatting (Apollo's formatError). */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  logger: Logger;
  /** Add `extensions.sqlStatements` to each event, as to HTTP responses (tests and the benchmark). */
  exposeSqlStatementCount?: boolean;
  /** Connection and subscription counts changed (metrics). */
  onCount?(counts: { connections: number; subscriptions: number }): void;
}

export interface SubscriptionServer {
  /** Closes every connection (1001, going away) and stops accepting new ones. */
  close(): Promise<void>;
}

/** The close code for a refused or expired token (graphql-ws's Forbidden). */
export const REFUSED_TOKEN = CloseCode.Forbidden;

/** What a connection keeps besides graphql-ws's `socket` and `request`. */
type Extra = {
  viewer: Viewer | null;
  expiry: NodeJS.Timeout;
};

export function serveSubscriptions(options: SubscriptionServerOptions): SubscriptionServer {
  const { schema, feed, limits, logger } = options;
  // Upgrades are taken from the HTTP server here rather than by `ws` itself (its `server` option),
  // which would also re-emit the HTTP server's errors, such as a busy port, as its own.
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: limits.maxBodyBytes });
  options.httpServer.on("upgrade", (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy()); // a client gone mid-handshake is not the server's error
    if (new URL(request.url ?? "/", "http://localhost").pathname !== "/graphql") {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (webSocket) => wsServer.emit("connection", webSocket, request));
  });
  const connections = new Set<ConnectionContext>();
  const counted = () => options.onCount?.({ connections: connections.size, subscriptions: feed.size });
  const refuse = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];
  // Apollo's pipeline drops `extensions.http` (its instructions for the HTTP status); so does this.
  const formatOne = (error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError => {
    if (!(error instanceof GraphQLError)) return error; // an event's, formatted where it ran
    const { http: _http, ...extensions } = error.extensions;
    return options.formatError({ ...error.toJSON(), extensions }, error);
  };
  const format = (errors: readonly (GraphQLError | GraphQLFormattedError)[]) => errors.map(formatOne);

  const server = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      // No message of an internal error reaches a client (graphql-ws would send it in development).
      isProd: true,
      async onConnect(ctx) {
        const { extra } = ctx;
        try {
          extra.viewer = await options.authenticate(authorizationOf(ctx.connectionParams) ?? extra.request.headers.authorization);
        } catch (error) {
          extra.socket.close(REFUSED_TOKEN, closeReason(error instanceof Error ? error.message : "Forbidden"));
          return false;
        }
        const expiresAt = extra.viewer?.expiresAt?.getTime();
        if (expiresAt !== undefined) {
          extra.expiry = setTimeout(() => extra.socket.close(REFUSED_TOKEN, "The token has expired."), Math.max(0, expiresAt - Date.now()));
          extra.expiry.unref();
        }
        connections.add(ctx);
        counted();
        return true;
      },
      onClose(ctx) {
        if (ctx.extra.expiry) clearTimeout(ctx.extra.expiry);
        connections.delete(ctx);
        // The connection's subscriptions end after this hook; count once they have.
        setImmediate(counted);
      },
      async onSubscribe(ctx, _id, payload) {
        const open = Object.keys(ctx.subscriptions).length; // this one included
        if (open > limits.maxPerConnection) {
          return refuse(`A connection may have at most ${limits.maxPerConnection} subscriptions open.`, "TOO_MANY_SUBSCRIPTIONS");
        }
        if (feed.size >= limits.maxTotal) {
          return refuse("This server has as many subscriptions as it takes; try again later or on another server.", "TOO_MANY_SUBSCRIPTIONS");
        }
        let query = payload.query;
        if (options.trustedDocuments) {
          const checked = await options.trustedDocuments.check(query || undefined, persistedQueryHash(payload.extensions));
          if (checked.error) return [checked.error];
          query = checked.query;
        }
        const prepared = prepare(query, payload.operationName ?? undefined, payload.variables ?? undefined);
        // Errors are formatted by onError, like every error sent.
        if ("errors" in prepared) return prepared.errors;
        const viewer = ctx.extra.viewer ?? null;
        return {
          ...prepared.args,
          // The subscription's own context: its resolvers look up what to follow.
          contextValue: createContext({ usual: options.primaryReads, primary: options.primaryReads }, viewer, { changes: feed }),
        };
      },
      // Events come formatted (graphql-ws's type wants GraphQLErrors: onNext passes them through).
      subscribe: (args) => subscribe(args) as Promise<ExecutionResult>,
      // Events' errors are formatted where they are executed (below); these are the others.
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onComplete: () => void setImmediate(counted),
    },
    wsServer,
    options.limits.keepAliveMs,
  );

  /**
   * The context an event is executed with: one per event object (the feed hands every subscriber
   * of a batch the same objects) and set of roles, so that a thousand subscribers of one event
   * cost one read of what they select, not a thousand (measured: bench/subscriptions.ts). Reads
   * do not depend on who the viewer is, only, if ever a field is guarded, on their roles.
   */
  const eventContexts = new WeakMap<object, Map<string, Context>>();
  function eventContext(event: unknown, viewer: Viewer | null): Context {
    const fresh = () => createContext({ usual: options.primaryReads, primary: options.primaryReads }, viewer);
    if (typeof event !== "object" || event === null) return fresh();
    const roles = viewer ? [...viewer.roles].sort().join(",") : "";
    const byRoles = eventContexts.get(event) ?? new Map<string, Context>();
    eventContexts.set(event, byRoles);
    let shared = byRoles.get(roles);
    if (!shared) {
      shared = fresh();
      byRoles.set(roles, shared);
    }
    return shared;
  }

  /** The document, checked as the HTTP path checks it; or the errors to answer with. */
  function prepare(
    query: string,
    operationName: string | undefined,
    variableValues: Record<string, unknown> | undefined,
  ): { args: ExecutionArgs } | { errors: readonly GraphQLError[] } {
    const tooLarge = limits.checkQuery(query);
    if (tooLarge) return { errors: [tooLarge] };
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.maxTokens });
    } catch (error) {
      const tooManyTokens = tokenLimitError(error, limits.maxTokens);
      if (tooManyTokens) return { errors: [tooManyTokens] };
      return { errors: [withCode(error as GraphQLError, "GRAPHQL_PARSE_FAILED")] };
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) return { errors: invalid.map((error) => withCode(error, "GRAPHQL_VALIDATION_FAILED")) };
    const operation = getOperationAST(document, operationName);
    if (!operation) return { errors: refuse("Name the operation to run (`operationName`): the document has none by that name, or several.", "BAD_REQUEST") };
    if (operation.operation !== "subscription") {
      return { errors: refuse(`Over WebSocket newsgraph serves subscriptions only; send ${operation.operation === "query" ? "queries" : "mutations"} over HTTP.`, "BAD_REQUEST") };
    }
    try {
      const unservable = unservableError(schema, document, operation, variableValues, true);
      if (unservable) return { errors: [unservable] };
      checkOperationLimits(measureOperation(schema, operation, fragmentsOf(document), variableValues), limits);
    } catch (error) {
      return { errors: [error as GraphQLError] };
    }
    return { args: { schema, document, operationName, variableValues } };
  }

  /**
   * The subscription's events, each executed by graphql-jit with a context of its own. The
   * source stream is graphql-js's (it coerces the arguments and runs the field's `subscribe`);
   * graphql-jit's own `subscribe` would reuse one context, and so one set of loaders, for every event.
   */
  async function subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<FormattedExecutionResult> | ExecutionResult> {
    const compiled = compileQuery(schema, args.document, args.operationName ?? undefined);
    if (!isCompiledQuery(compiled)) return compiled;
    const context = args.contextValue as Context;
    const stream = await createSourceEventStream(schema, args.document, undefined, context, args.variableValues, args.operationName);
    if (!(Symbol.asyncIterator in stream)) return stream;
    counted();
    return mapEvents(stream as AsyncIterableIterator<unknown>, (event) => {
      // Each event is a request of its own: an id (in the log line of an error), its statements counted.
      const record = newRequestRecord(undefined);
      return withStatementScope(record, async () => {
        const result = (await compiled.query(event, eventContext(event, context.viewer), args.variableValues ?? {})) as ExecutionResult;
        if (result.errors) noteRequestErrors(record, result.errors);
        return {
          ...result,
          ...(result.errors ? { errors: format(result.errors) } : {}),
          ...(options.exposeSqlStatementCount ? { extensions: { ...result.extensions, sqlStatements: record.statements } } : {}),
        };
      });
    });
  }

  return {
    async close() {
      await server.dispose();
      logger.debug("subscriptions closed");
    },
  };
}

/** The token a client sent in `connection_init`: `authorization` (any case), as in an HTTP header. */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const entry = Object.entries(params ?? {}).find(([name]) => name.toLowerCase() === "authorization");
  return typeof entry?.[1] === "string" ? entry[1] : undefined;
}

/** A WebSocket close reason holds at most 123 bytes. */
function closeReason(message: string): string {
  const bytes = Buffer.from(message);
  return bytes.length <= 123 ? message : `${bytes.subarray(0, 120).toString().replace(/\uFFFD$/, "")}...`;
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

/**
 * `source`'s events mapped one by one; ending it ends the source at once (an async generator
 * could not be ended while it waits for the next event). A subscriber that fell behind ends with
 * a GraphQL error its client can read.
 */
function mapEvents<T, R>(source: AsyncIterableIterator<T>, map: (event: T) => Promise<R>): AsyncIterableIterator<R> {
  const done = (): Promise<IteratorResult<R>> => Promise.resolve({ value: undefined, done: true });
  return {
    async next() {
      let next: IteratorResult<T>;
      try {
        next = await source.next();
      } catch (error) {
        if (error instanceof SubscriberTooSlowError) throw new GraphQLError(error.message, { extensions: { code: "SUBSCRIPTION_TOO_SLOW" } });
        throw error;
      }
      return next.done ? { value: undefined, done: true } : { value: await map(next.value), done: false };
    },
    return: async () => {
      await source.return?.();
      return done();
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
