// Apollo Server as newsgraph runs it: the schema executed by graphql-jit through Apollo's gateway
// slot (jit-executor.ts), Apollo's own landing page, inline traces and per-field cache control
// off, our request plugins in their order, and Apollo's log lines in our JSON log.
import type http from "node:http";
import { ApolloServer, type ApolloServerOptions } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GraphQLFormattedError } from "graphql";
import type { DatabaseAvailability } from "../observability/database-availability";
import type { Logger } from "../observability/logger";
import type { Context } from "../schema/context";
import { jitGateway, type ServedSchemas } from "./jit-executor";
import type { AbuseLimits } from "./limits";
import { federationSdlPlugin } from "./plugins/federation-sdl";
import { readPrimaryPlugin } from "./plugins/read-primary";
import { runRequestPlugins } from "./plugins/request-plugins";
import { requestRecordPlugin } from "./plugins/request-record";
import { serviceUnavailablePlugin } from "./plugins/service-unavailable";
import { sqlStatementCountPlugin } from "./plugins/sql-statement-count";
import { sqlStatementTextPlugin } from "./plugins/sql-statement-text";
import { tracingPlugin } from "./plugins/tracing";

export interface ApolloSetup {
  schemas: ServedSchemas;
  /** The server Apollo drains on stop (its listener closes, then its idle connections). */
  httpServer: http.Server;
  shutdownTimeoutMs: number;
  limits: AbuseLimits;
  introspection: boolean;
  availability: DatabaseAvailability;
  exposeSqlStatementCount: boolean;
  /** Add `extensions.sqlStatementTexts` (tests only). */
  exposeSqlStatementText?: boolean;
  tracing: boolean;
  /** Apollo's `persistedQueries` option: Redis-backed, off, or (undefined) its in-memory default. */
  persistedQueries?: ApolloServerOptions<Context>["persistedQueries"];
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  logger: Logger;
}

export function createApollo(setup: ApolloSetup): ApolloServer<Context> {
  const { schemas, logger } = setup;
  return new ApolloServer<Context>({
    // The schema, executed by graphql-jit (jit-executor.ts).
    gateway: jitGateway(schemas),
    // Introspection as configured, CSRF prevention on, no HTTP batching, the token limit.
    ...setup.limits.apolloOptions,
    ...(setup.persistedQueries === undefined ? {} : { persistedQueries: setup.persistedQueries }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: setup.httpServer, stopGracePeriodMillis: setup.shutdownTimeoutMs }),
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
        serviceUnavailablePlugin(setup.availability),
        ...setup.limits.plugins,
        federationSdlPlugin({ introspection: setup.introspection, isRouter: schemas.isRouter }),
        readPrimaryPlugin(),
        ...(setup.exposeSqlStatementCount ? [sqlStatementCountPlugin()] : []),
        ...(setup.exposeSqlStatementText ? [sqlStatementTextPlugin()] : []),
      ]),
      ...(setup.tracing ? [tracingPlugin()] : []),
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
    formatError: setup.formatError,
  });
}
