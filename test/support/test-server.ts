// Starts the real HTTP server on an ephemeral port over a fresh, migrated and seeded database.
import "reflect-metadata";
import type { DatabaseConfig, LogLevel } from "../../src/config";
import { type Database, openDatabase } from "../../src/database/database";
import { prepareDatabase } from "../../src/importer/prepare";
import { createLogger } from "../../src/observability/logger";
import { createServer, type NewsgraphServer, type ServerOptions } from "../../src/server/app";
import { createTestDatabase } from "./test-database";
import { TEST_JWT_SECRET } from "./tokens";

/** Test servers log only warnings and errors unless NEWSGRAPH_TEST_LOG_LEVEL says otherwise. */
const TEST_LOG_LEVEL = (process.env.NEWSGRAPH_TEST_LOG_LEVEL || "warn") as LogLevel;

export interface TestServerExtras {
  /** Changes the test database's configuration before it is opened (a proxy, read replicas: a standby to start...). */
  database?: (config: DatabaseConfig) => DatabaseConfig | Promise<DatabaseConfig>;
  /** Server options over the test defaults (a logger writing to a stream, a shutdown bound...). */
  server?: Partial<ServerOptions>;
}

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  body: {
    data?: Data | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
    /** sqlStatementTexts only when the server was started with `exposeSqlStatementText`. */
    extensions?: { sqlStatements?: number; sqlStatementTexts?: string[] };
  };
}

export interface TestServer {
  url: string;
  /** The server itself (its listeners). */
  server: NewsgraphServer;
  database: Database;
  /** The fresh test database's own configuration (before `extras.database` changed it). */
  databaseConfig: DatabaseConfig;
  /** POSTs a GraphQL request to /graphql. */
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<Data>>;
  stop(): Promise<void>;
}

export async function startTestServer(
  options: { seed?: boolean; playgroundEnabled?: boolean } & TestServerExtras = {},
): Promise<TestServer> {
  const testDatabase = await createTestDatabase();
  let config: DatabaseConfig;
  try {
    config = options.database ? await options.database(testDatabase.config) : testDatabase.config;
  } catch (error) {
    await testDatabase.drop(); // the hook failed (a standby that would not start): leave nothing behind
    throw error;
  }
  const database = await openDatabase(config);
  await prepareDatabase(database, { migrate: true, seedIfEmpty: options.seed ?? true });
  const server = await createServer({ port: 0, host: "127.0.0.1", exposeSqlStatementCount: true, playgroundEnabled: options.playgroundEnabled ?? true, logger: createLogger({ level: TEST_LOG_LEVEL }), auth: { jwtSecret: TEST_JWT_SECRET, requireTokenForReads: false }, ...options.server }, database);
  const port = await server.listen();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    server,
    database,
    databaseConfig: testDatabase.config,
    async graphql(query, variables, headers) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse<never>["body"] };
    },
    async stop() {
      await server.stop();
      await database.close();
      await testDatabase.drop();
    },
  };
}
