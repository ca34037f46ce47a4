// Each test file gets a database of its own: a fresh in-memory embedded PostgreSQL by default,
// or, when NEWSGRAPH_TEST_DATABASE_URL names a PostgreSQL server, a fresh database created on
// that server (and dropped afterwards). The same suite thus runs against both.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DatabaseConfig } from "../../src/config";

export const serverUrl = process.env.NEWSGRAPH_TEST_DATABASE_URL || null;
export const databaseKind: DatabaseConfig["kind"] = serverUrl ? "postgres" : "embedded";

export interface TestDatabase {
  config: DatabaseConfig;
  /** Environment for a child process (CLI, server) that should use this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A new, empty database. Embedded ones live in `dataDir` (in memory when null). */
export async function createTestDatabase(dataDir: string | null = null): Promise<TestDatabase> {
  if (!serverUrl) {
    return {
      config: { kind: "embedded", dataDir },
      env: dataDir ? { EMBEDDED_DATA_DIR: dataDir } : {},
      drop: async () => undefined,
    };
  }
  const name = `newsgraph_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    config: { kind: "postgres", url: url.toString() },
    env: { DATABASE_URL: url.toString() },
    drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(serverUrl!, work);
}

/** Runs `work` on a new connection to `url`, closed afterwards whatever happens. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
