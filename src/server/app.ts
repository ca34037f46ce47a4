// The HTTP server: Apollo Server 5, GraphQL at /graphql (POSTs on node's HTTP, GETs and
// Playground through express), GraphiQL at /graphiql, health at /health/live and /health/ready,
// Prometheus metrics at /metrics (or on a port of their own), all through express. Slow clients are cut off by node's
// timeouts (limits/slow-clients.ts). It keeps no state between requests (each gets
// its own loaders and record), so any number of replicas can serve behind a load balancer; with
// REDIS_URL they also share Apollo's automatic persisted queries (persisted-queries.ts), or, with
// TRUSTED_DOCUMENTS_ONLY, execute only the documents listed there (trusted-documents.ts).
// With tracing on (OTEL_EXPORTER_OTLP_ENDPOINT), requests to /graphql are traced down to their SQL.
// Subscriptions are served over WebSocket on the same path (subscriptions/), fed by the changes
// every server commits (events/change-feed.ts), so a client on any replica hears of every write.
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import fs from "node:fs";
import express from "express";
import {
  type Config,
  HTTP_CACHE_DEFAULTS,
  HTTP_TIMEOUT_DEFAULTS,
  LIMIT_DEFAULTS,
  type LimitsConfig,
  PERSISTED_QUERY_DEFAULTS,
  paths,
  SUBSCRIPTION_DEFAULTS,
} from "../config";
import type { Database } from "../database/database";
import { createLogger, type Logger } from "../observability/logger";
import { DatabaseAvailability } from "../observability/database-availability";
import { Metrics } from "../observability/metrics";
import { startTracing, type TracingOptions } from "../observability/tracing";
import { currentRequestRecord } from "../observability/request-record";
import { buildNewsgraphClientSchema } from "../schema/federation/client-schema";
import { buildNewsgraphSubgraphSchema } from "../schema/federation/subgraph";
import { type AuthConfig, requestAuthenticator } from "../auth/tokens";
import { type Context, createContext } from "../schema/context";
import { maskErrors } from "./plugins/mask-errors";
import { abuseLimits } from "./limits";
import { playgroundRouter, tabsFromExamples } from "./playground/playground";
import { graphiqlRouter } from "./graphiql/graphiql";
import { sqlStatementCountPlugin } from "./plugins/sql-statement-count";
import { readPrimaryPlugin } from "./plugins/read-primary";
import { runRequestPlugins } from "./plugins/request-plugins";
import { requestRecordPlugin } from "./plugins/request-record";
import { serviceUnavailablePlugin } from "./plugins/service-unavailable";
import { tracingPlugin } from "./plugins/tracing";
import { healthRouter } from "./health";
import { jitGateway } from "./jit-executor";
import { routerCheck } from "./router-credential";
import { narrowGatewayRequestContexts } from "./gateway-request-context";
import { InFlightRequests } from "./middleware/in-flight";
import { observeRequests } from "./middleware/observe-requests";
import { graphqlHttpHandler, isGraphQLPost } from "./graphql-http";
import { httpCachePolicy, NO_STORE } from "./http-cache";
import { federationSdlPlugin } from "./plugins/federation-sdl";
import { refuseDeclaredOversize } from "./limits/declared-length";
import { answerClientError, httpServerTimeouts } from "./limits/slow-clients";
import { metricsRouter } from "./metrics-route";
import { errorAsJson, notFound } from "./middleware/json-fallbacks";
import { redisPersistedQueries } from "./persisted-queries";
import { ChangeFeed } from "../events/change-feed";
import { serveSubscriptions } from "./subscriptions/subscription-server";
import { serverTrustedDocuments, trustedHttpRequest } from "./trusted-documents";

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
  Partial<Pick<Config, "logLevel" | "shutdownTimeoutMs" | "introspectionEnabled" | "federationSdlSecret" | "metrics" | "trustedDocumentsOnly">> & {
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
    /** Tracing on (Config's, plus an exporter of their own for tests); off when left out. */
    tracing?: TracingOptions;
  };

const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

export async function createServer(options: ServerOptions, database: Database): Promise<NewsgraphServer> {
  const logger = options.logger ?? createLogger({ level: options.logLevel ?? "info" });
  const introspection = options.introspectionEnabled ?? true;
  const isRouter = routerCheck(options.federationSdlSecret);
  const limitsConfig = { ...LIMIT_DEFAULTS, ...options.limits };
  const subscriptionsConfig = { ...SUBSCRIPTION_DEFAULTS, ...options.subscriptions };
  const limits = abuseLimits(limitsConfig, { introspection });
  const authenticate = requestAuthenticator(options.auth ?? { requireTokenForReads: false });
  const availability = new DatabaseAvailability(logger);
  const metrics = new Metrics({ database, availability });
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  const inFlight = new InFlightRequests();
  // Loads OpenTelemetry's SDK only when tracing is on.
  const tracing = options.tracing ? await startTracing(options.tracing) : undefined;
  // Shared by every replica with a Redis URL (persisted-queries.ts); Apollo's in-memory store otherwise.
  const redisUrl = options.persistedQueries?.redisUrl;
  // Under trustedDocumentsOnly, only the documents listed in Redis run, and APQ is off (trusted-documents.ts).
  const trustedDocuments = serverTrustedDocuments(options, logger, metrics);
  const sharedQueries = redisUrl && !trustedDocuments
    ? redisPersistedQueries({ ...PERSISTED_QUERY_DEFAULTS, ...options.persistedQueries, redisUrl }, logger, () => metrics.redisErrors.inc())
    : undefined;
  let stopping = false;
  const app = express();
  app.disable("x-powered-by");
  // Express would hash every response body for a weak ETag; GraphQL GETs get theirs, strong and
  // only when cacheable, from http-cache.ts, and nothing else here is revalidated.
  app.set("etag", false);
  // Requests are handled once Apollo has started (below); Apollo's drain plugin needs the server first.
  const serverTimeouts = httpServerTimeouts({ ...HTTP_TIMEOUT_DEFAULTS, ...options.httpTimeouts });
  const httpServer = http.createServer(serverTimeouts);
  httpServer.on("clientError", answerClientError);
  if (!narrowGatewayRequestContexts()) {
    logger.warn("Apollo's gateway request context builder was not found: requests' objects will be promoted (more memory)");
  }
  // Codes kept, internals masked: for HTTP responses and subscription events alike.
  const formatError = limits.formatError(
    maskErrors(
      (error) => logger.error({ reqId: currentRequestRecord()?.id, err: error }, "unexpected error while resolving"),
      (error) => availability.failed(error instanceof Error ? error.message : String(error)),
    ),
  );
  const schema = await buildNewsgraphSubgraphSchema();
  const apollo = new ApolloServer<Context>({
    // The schema, executed by graphql-jit (jit-executor.ts).
    gateway: jitGateway({ schema, clientSchema: await buildNewsgraphClientSchema(), isRouter }),
    // Introspection as configured, CSRF prevention on, no HTTP batching, the token limit.
    ...limits.apolloOptions,
    ...(trustedDocuments ? { persistedQueries: false } : sharedQueries ? { persistedQueries: sharedQueries.apolloOption } : {}),
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: shutdownTimeoutMs,
      }),
      // Apollo's own landing page loads from a CDN; we serve Playground ourselves instead.
      ApolloServerPluginLandingPageDisabled(),
      // Apollo turns on federated tracing for any subgraph; we report to no GraphOS, and the
      // traces would give any client who asks per-field timings.
      ApolloServerPluginInlineTraceDisabled(),
      // HTTP caching is decided for the whole response (http-cache.ts: anonymous GETs only), not
      // per field: Apollo's cache-control plugin wraps every field resolver to compute cache
      // hints, a third of the CPU of large reads (docs/performance.md).
      ApolloServerPluginCacheControlDisabled(),
      // Ours, run in this order by one Apollo plugin (plugins/request-plugins.ts).
      runRequestPlugins<Context>([
        requestRecordPlugin(),
        serviceUnavailablePlugin(availability),
        ...limits.plugins,
        federationSdlPlugin({ introspection, isRouter }),
        readPrimaryPlugin(),
        ...(options.exposeSqlStatementCount ? [sqlStatementCountPlugin()] : []),
      ]),
      ...(tracing ? [tracingPlugin<Context>()] : []),
    ],
    // Apollo's own messages go to the same JSON log.
    logger: {
      debug: (message: unknown) => logger.debug(String(message)),
      info: (message: unknown) => logger.info(String(message)),
      warn: (message: unknown) => logger.warn(String(message)),
      error: (message: unknown) => logger.error(String(message)),
    },
    // main.ts owns SIGTERM/SIGINT (drain, close the database, exit 0); Apollo must not re-raise them.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError,
  });
  await apollo.start();
  await sharedQueries?.connected();
  const changeFeed = new ChangeFeed(database, {
    logger,
    maxBacklog: subscriptionsConfig.maxBacklog,
    onBatch: (subscribers) => metrics.subscriptionEvents.inc(subscribers),
  });
  await changeFeed.start();
  await trustedDocuments?.connected();

  app.use(healthRouter({ database, availability, isStopping: () => stopping }));
  const metricsRoute = metricsRouter(metrics, { token: options.metrics?.token });
  let metricsServer: http.Server | undefined;
  if (options.metrics?.port === undefined) {
    app.use(metricsRoute);
  } else {
    // Metrics on a port of their own only (e.g. one the public load balancer does not route).
    const metricsApp = express().disable("x-powered-by").use(metricsRoute).use(notFound).use(errorAsJson(logger));
    metricsServer = http.createServer(serverTimeouts, metricsApp);
    metricsServer.on("clientError", answerClientError);
  }

  if (options.playgroundEnabled) {
    const tabs = tabsFromExamples(fs.readFileSync(paths.examples, "utf8"));
    const playground = playgroundRouter({ endpoint: "/graphql", title: "newsgraph", tabs });
    // Browsers asking for HTML get Playground; GraphQL GETs fall through to Apollo.
    app.use("/graphql", playground);
    app.use("/", playground);
    // GraphiQL too, for subscriptions (graphql-ws), which Playground cannot speak.
    app.use("/graphiql", graphiqlRouter({ endpoint: "/graphql", title: "newsgraph · GraphiQL", tabs }));
  }

  const readPaths = { usual: { prisma: database.prisma, readText: database.readText }, primary: database.primaryReads };
  const context = async (req: http.IncomingMessage) => createContext(readPaths, await authenticate(req.headers.authorization));
  const handleGraphQL = inFlight.track(graphqlHttpHandler({ apollo, parseBody: limits.jsonBody, bodyError: limits.bodyError, checkQuery: limits.checkQuery, context, cache: httpCachePolicy({ ...HTTP_CACHE_DEFAULTS, ...options.httpCache }), checkDocument: trustedDocuments && trustedHttpRequest(trustedDocuments) }));
  const serveGraphQL = (req: http.IncomingMessage, res: http.ServerResponse) =>
    handleGraphQL(req, res).catch((error: unknown) => {
      logger.error({ reqId: currentRequestRecord()?.id, err: error }, "unexpected error while serving GraphQL");
      if (res.headersSent) return res.destroy();
      res.statusCode = 500;
      res.setHeader("cache-control", NO_STORE);
      res.end();
    });
  // GraphQL GETs (Playground took the browsers' page requests above).
  app.use("/graphql", serveGraphQL);
  app.use(notFound, errorAsJson(logger));

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
    authenticate: (authorization) => authenticate(authorization),
    limits: { ...limitsConfig, ...subscriptionsConfig, checkQuery: limits.checkQuery },
    trustedDocuments,
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
      await sharedQueries?.close();
      await trustedDocuments?.close();
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
