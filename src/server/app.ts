// The server: one node HTTP listener (and, when configured, one for /metrics) composed of
// Apollo Server 5 (apollo.ts) for GraphQL at /graphql, POSTs on node's HTTP (graphql-http.ts) and
// everything else through express (routes.ts: health, metrics, Playground, GraphiQL, GETs), and
// subscriptions over WebSocket on the same path (subscriptions/), fed by the changes every server
// commits (events/change-feed.ts). Slow clients are cut off by node's timeouts
// (limits/slow-clients.ts). It keeps no state between requests (each gets its own loaders and
// record), so any number of replicas can serve behind a load balancer; with REDIS_URL they share
// Apollo's automatic persisted queries, or the list of trusted documents (document-stores.ts).
// With tracing on (OTEL_EXPORTER_OTLP_ENDPOINT), requests to /graphql are traced down to their SQL.
import http from "node:http";
import { type AuthConfig, type Config, DATABASE_DEFAULTS, HTTP_CACHE_DEFAULTS, HTTP_TIMEOUT_DEFAULTS, LIMIT_DEFAULTS, type LimitsConfig, SUBSCRIPTION_DEFAULTS } from "../config";
import type { Database } from "../database/database";
import { ChangeFeed } from "../events/change-feed";
import { createLogger, type Logger } from "../observability/logger";
import { DatabaseAvailability } from "../observability/database-availability";
import { Metrics } from "../observability/metrics";
import { startTracing, type TracingOptions } from "../observability/tracing";
import { requestRecordOf } from "../observability/request-record";
import { buildNewsgraphClientSchema } from "../schema/federation/client-schema";
import { buildNewsgraphSubgraphSchema } from "../schema/federation/subgraph";
import { requestAuthenticator } from "../auth/tokens";
import { createContext } from "../schema/context";
import { createApollo } from "./apollo";
import { documentStores } from "./document-stores";
import { maskErrors } from "./plugins/mask-errors";
import { abuseLimits } from "./limits";
import { routerCheck } from "./router-credential";
import { narrowGatewayRequestContexts } from "./gateway-request-context";
import { InFlightRequests } from "./middleware/in-flight";
import { RequestQueue } from "./middleware/request-queue";
import { observeRequests } from "./middleware/observe-requests";
import { answeringUnexpectedErrors, graphqlHttpHandler, isGraphQLPost } from "./graphql-http";
import { httpCachePolicy } from "./http-cache";
import { refuseDeclaredOversize } from "./limits/declared-length";
import { answerClientError, httpServerTimeouts } from "./limits/slow-clients";
import { httpRoutes } from "./routes";
import { serveSubscriptions } from "./subscriptions/subscription-server";
import { trustedHttpRequest } from "./trusted-documents";

export interface NewsgraphServer {
  httpServer: http.Server;
  /** The listener of /metrics when it has a port of its own (`metrics.port`). */
  metricsServer?: http.Server;
  /** Listens on the configured host and port (and the metrics port); resolves with the actual main port. */
  listen(): Promise<number>;
  /**
   * Graceful stop: readiness turns false, the listener closes (no new connections), idle
   * connections close, in-flight requests finish (for at most `shutdownTimeoutMs`, after which
   * their connections are closed), then Apollo stops and pending spans are exported. The
   * database is the caller's to close.
   */
  stop(): Promise<void>;
}

export type ServerOptions = Pick<Config, "port" | "host" | "exposeSqlStatementCount" | "playgroundEnabled"> &
  Partial<
    Pick<Config, "logLevel" | "shutdownTimeoutMs" | "introspectionEnabled" | "federationSdlSecret" | "metrics" | "trustedDocumentsOnly" | "maxConcurrentRequests">
  > & {
    /** How long a request waits for its turn before a 503 (request-queue.ts); default: the database's timeout. */
    requestQueueWaitMs?: number;
    /** Automatic persisted queries in Redis (`redisUrl`), or in this process's memory (Apollo's default) without it. */
    persistedQueries?: Partial<Config["persistedQueries"]>;
    /** HTTP caching of anonymous GETs (http-cache.ts); each setting left out is HTTP_CACHE_DEFAULTS'. */
    httpCache?: Partial<Config["httpCache"]>;
    /** Bounds on slow clients; each one left out is HTTP_TIMEOUT_DEFAULTS'. */
    httpTimeouts?: Partial<Config["httpTimeouts"]>;
    /** Where log lines go; by default a JSON logger at `logLevel` (default info) on stdout. */
    logger?: Logger;
    /** Abuse limits (src/server/limits); each one left out is LIMIT_DEFAULTS'. */
    limits?: Partial<LimitsConfig>;
    /** Token checking; by default no key, so reads are open and every write is refused. */
    auth?: AuthConfig;
    /** Limits of subscriptions over WebSocket; each one left out is SUBSCRIPTION_DEFAULTS'. */
    subscriptions?: Partial<Config["subscriptions"]>;
    /**
     * Add the SQL text of each statement a request ran to its response (`extensions.sqlStatementTexts`).
     * For tests only (test/sql-plans.test.ts): no setting turns it on, so it is off in production.
     */
    exposeSqlStatementText?: boolean;
    /** Tracing on (Config's, plus an exporter of their own for tests); off when left out. */
    tracing?: TracingOptions;
  };

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * Where GraphQL requests wait for their turn: by default as many run at once as the database has
 * connections, since a request beyond those would only wait for one, and wait at most the
 * database's timeout, as they would have for a connection. None on the embedded database (one
 * connection in this process, no timeout to match) or with a limit of 0.
 */
function requestQueue(options: ServerOptions, database: Database): RequestQueue | undefined {
  const connections = database.stats().reduce((total, pool) => total + pool.max, 0);
  const maxRunning = options.maxConcurrentRequests ?? (database.kind === "postgres" ? connections : 0);
  return maxRunning > 0 ? new RequestQueue(maxRunning, options.requestQueueWaitMs ?? DATABASE_DEFAULTS.timeoutMs) : undefined;
}

export async function createServer(options: ServerOptions, database: Database): Promise<NewsgraphServer> {
  const logger = options.logger ?? createLogger({ level: options.logLevel ?? "info" });
  const introspection = options.introspectionEnabled ?? true;
  const limitsConfig = { ...LIMIT_DEFAULTS, ...options.limits };
  const subscriptionsConfig = { ...SUBSCRIPTION_DEFAULTS, ...options.subscriptions };
  const limits = abuseLimits(limitsConfig, { introspection });
  const authenticate = requestAuthenticator(options.auth ?? { requireTokenForReads: false });
  const availability = new DatabaseAvailability(logger);
  // Read at each scrape, once `queue` (below, after the configuration's checks) exists.
  const metrics = new Metrics({ database, availability, requestsWaiting: () => queue?.waitingCount ?? 0 });
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  const inFlight = new InFlightRequests();
  // Loads OpenTelemetry's SDK only when tracing is on.
  const tracing = options.tracing ? await startTracing(options.tracing) : undefined;
  const documents = documentStores(options, logger, metrics);
  const queue = requestQueue(options, database);
  // Requests are handled once Apollo has started (below); Apollo's drain plugin needs the server first.
  const serverOptions = httpServerTimeouts({ ...HTTP_TIMEOUT_DEFAULTS, ...options.httpTimeouts });
  const httpServer = http.createServer(serverOptions);
  httpServer.on("clientError", answerClientError);
  if (!narrowGatewayRequestContexts()) {
    logger.warn("Apollo's gateway request context builder was not found: requests' objects will be promoted (more memory)");
  }
  // Codes kept, internals masked: for HTTP responses and subscription events alike.
  const formatError = limits.formatError(
    maskErrors(
      (error, requestId) => logger.error({ reqId: requestId, err: error }, "unexpected error while resolving"),
      (error) => availability.failed(error instanceof Error ? error.message : String(error)),
    ),
  );
  const schema = await buildNewsgraphSubgraphSchema();
  const schemas = { schema, clientSchema: await buildNewsgraphClientSchema(), isRouter: routerCheck(options.federationSdlSecret) };
  const apollo = createApollo({
    schemas,
    httpServer,
    shutdownTimeoutMs,
    limits,
    introspection,
    availability,
    exposeSqlStatementCount: options.exposeSqlStatementCount,
    exposeSqlStatementText: options.exposeSqlStatementText ?? false,
    tracing: tracing !== undefined,
    persistedQueries: documents.apolloOption,
    formatError,
    logger,
  });
  await apollo.start();
  await documents.connected();
  const changeFeed = new ChangeFeed(database, {
    logger,
    maxBacklog: subscriptionsConfig.maxBacklog,
    onBatch: (subscribers) => metrics.subscriptionEvents.inc(subscribers),
  });
  await changeFeed.start();

  const readPaths = { usual: { prisma: database.prisma, readText: database.readText }, primary: database.primaryReads };
  const context = async (req: http.IncomingMessage) =>
    createContext(readPaths, await authenticate(req.headers.authorization), { record: requestRecordOf(req) });
  const handleGraphQL = inFlight.track(
    graphqlHttpHandler({
      apollo,
      parseBody: limits.jsonBody,
      bodyError: limits.bodyError,
      checkQuery: limits.checkQuery,
      context,
      cache: httpCachePolicy({ ...HTTP_CACHE_DEFAULTS, ...options.httpCache }),
      checkDocument: documents.trustedDocuments && trustedHttpRequest(documents.trustedDocuments),
      queue,
    }),
  );
  const serveGraphQL = answeringUnexpectedErrors(handleGraphQL, logger);
  let stopping = false;
  const { app, metricsServer } = httpRoutes({
    database,
    availability,
    isStopping: () => stopping,
    metrics,
    metricsConfig: options.metrics,
    playgroundEnabled: options.playgroundEnabled,
    serveGraphQL,
    serverOptions,
    logger,
  });

  // Every request: an id, a statement count, one log line and its metrics when done. GraphQL
  // POSTs are then served without express (graphql-http.ts), everything else by the express app.
  const observe = observeRequests({ logger, metrics, tracing });
  // A body declared over the limit is refused before anything reads it (limits/declared-length.ts).
  const refuseOversize = refuseDeclaredOversize(limitsConfig.maxBodyBytes);
  httpServer.on("request", (req: http.IncomingMessage, res: http.ServerResponse) =>
    observe(req, res, () => refuseOversize(req, res) || (isGraphQLPost(req) ? serveGraphQL(req, res) : app(req, res))),
  );
  const subscriptions = serveSubscriptions({
    httpServer,
    schema,
    feed: changeFeed,
    primaryReads: database.primaryReads,
    authenticate,
    limits: { ...limitsConfig, ...subscriptionsConfig, checkQuery: limits.checkQuery },
    trustedDocuments: documents.trustedDocuments,
    formatError,
    logger,
    exposeSqlStatementCount: options.exposeSqlStatementCount,
    onCount: ({ connections, subscriptions: open }) => {
      metrics.websocketConnections.set(connections);
      metrics.subscriptions.set(open);
    },
  });

  return {
    httpServer,
    metricsServer,
    listen: async () => {
      if (metricsServer) await listenOn(metricsServer, options.metrics?.port ?? 0, options.metrics?.host ?? options.host);
      return listenOn(httpServer, options.port, options.host);
    },
    stop: async () => {
      stopping = true;
      const deadline = Date.now() + shutdownTimeoutMs;
      // Subscribers are told to go elsewhere (1001) at once: they cannot finish like a request.
      await subscriptions.close();
      await changeFeed.stop();
      // The drain plugin closes the listener and idle connections, and waits for the open ones.
      await apollo.stop();
      // Requests whose clients left are not connections any more, but may still be running.
      if (!(await inFlight.drained(Math.max(0, deadline - Date.now())))) {
        logger.warn({ inFlight: inFlight.size }, "requests still running at the shutdown deadline");
      }
      if (metricsServer?.listening) {
        metricsServer.closeAllConnections();
        await new Promise((resolve) => metricsServer.close(resolve));
      }
      metrics.close();
      await documents.close();
      // The last requests' spans are exported before the process exits.
      await tracing?.shutdown().catch((error: unknown) => logger.warn({ err: error }, "could not export the last spans"));
    },
  };
}

function listenOn(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}
