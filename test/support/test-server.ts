// Starts the real HTTP server on an ephemeral port over a fresh, migrated and seeded database.
import "reflect-metadata";
import { type Database, openDatabase } from "../../src/database/database";
import { prepareDatabase } from "../../src/database/prepare";
import { createServer } from "../../src/server/app";
import { createTestDatabase } from "./test-database";

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  body: {
    data?: Data | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
    extensions?: { sqlStatements?: number };
  };
}

export interface TestServer {
  url: string;
  database: Database;
  /** POSTs a GraphQL request to /graphql. */
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<Data>>;
  stop(): Promise<void>;
}

export async function startTestServer(options: { seed?: boolean } = {}): Promise<TestServer> {
  const testDatabase = await createTestDatabase();
  const database = await openDatabase(testDatabase.config);
  await prepareDatabase(database, { migrate: true, seedIfEmpty: options.seed ?? true });
  const server = await createServer({ port: 0, host: "127.0.0.1", exposeSqlStatementCount: true, playgroundEnabled: true }, database);
  const port = await server.listen();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    database,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
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
