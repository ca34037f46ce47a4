// The server process once configured: database (migrate, seed when empty) → HTTP server; on
// SIGTERM or SIGINT a graceful stop (no new connections, in-flight requests finish, the pool
// closes, exit 0). Started by main.ts, which reads the configuration before this loads.
import type { Config } from "./config";
import { DatabaseUnavailableError, openDatabase } from "./database/database";
import { DatabaseInUseError } from "./database/embedded-lock";
import { MigrationError } from "./database/migrator";
import { prepareDatabase } from "./importer/prepare";
import { createLogger } from "./observability/logger";
import { createServer } from "./server/app";

/** Past the drain bound, how long closing the database and Apollo may take before a forced exit. */
const EXIT_GRACE_MS = 5_000;

/** Opens the database (migrating and seeding it as configured) and serves until SIGTERM or SIGINT. */
export async function runServer(config: Config): Promise<void> {
  const logger = createLogger({ level: config.logLevel });
  const database = await openDatabase(config.database, "server");
  const report = await prepareDatabase(database, { migrate: config.migrateOnStart, seedIfEmpty: config.seedOnEmpty });
  if (report.appliedMigrations.length) logger.info({ migrations: report.appliedMigrations }, "applied migrations");
  if (report.seeded) logger.info("loaded the seed articles into the empty database");
  // A request waits for its turn at most as long as it would for a database connection.
  const requestQueueWaitMs = config.database.kind === "postgres" ? config.database.timeoutMs : undefined;
  const server = await createServer({ ...config, logger, requestQueueWaitMs }, database);
  const port = await server.listen().catch(async (error: unknown) => {
    await database.close();
    throw listenFailure(error, config.host, config.port);
  });
  const host = ["0.0.0.0", "::"].includes(config.host) ? "localhost" : config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}/graphql`;
  // Commands refused because this server holds the embedded database can then say where it is.
  database.lock?.update({ url });
  logger.info(
    {
      port,
      url,
      database: config.database.kind === "embedded" ? `embedded in ${config.database.dataDir}` : "postgresql server",
      readReplicas: config.database.kind === "postgres" ? (config.database.replicaUrls?.length ?? 0) : 0,
      metricsPort: server.metricsServer ? (server.metricsServer.address() as { port: number }).port : port,
    },
    "newsgraph ready",
  );

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, "shutting down: finishing in-flight requests");
    // The drain is bounded by SHUTDOWN_TIMEOUT_MS; this bounds the whole stop whatever happens.
    setTimeout(() => {
      logger.error("shutdown did not finish in time; exiting");
      process.exit(1);
    }, config.shutdownTimeoutMs + EXIT_GRACE_MS).unref();
    try {
      await server.stop();
      await database.close();
      logger.info("stopped");
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "error while shutting down");
      process.exit(1);
    }
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

/** A start-up failure that is the environment's, not a bug: reported in one line, without a stack. */
class StartupError extends Error {}

/** Why the server could not listen, in one line, for the errors an operator can fix. */
function listenFailure(error: unknown, host: string, port: number): unknown {
  const reasons: Record<string, string> = {
    EADDRINUSE: `port ${port} on ${host} is already in use (set PORT to another port, or stop what listens there)`,
    EACCES: `no permission to listen on port ${port} (ports below 1024 need privileges; set PORT)`,
    EADDRNOTAVAIL: `${host} is not an address of this machine (set HOST)`,
  };
  const reason = reasons[(error as NodeJS.ErrnoException | null)?.code ?? ""];
  return reason ? new StartupError(`cannot listen: ${reason}`) : error;
}

/** The one line to print for an expected start-up failure (the environment's, not a bug); undefined for a bug. */
export function startupFailureLine(error: unknown): string | undefined {
  if (error instanceof DatabaseInUseError) return `newsgraph: ${error.message}; stop it or set EMBEDDED_DATA_DIR`;
  const expected = [DatabaseUnavailableError, MigrationError, StartupError].some((type) => error instanceof type);
  return expected ? `newsgraph: ${(error as Error).message}` : undefined;
}
