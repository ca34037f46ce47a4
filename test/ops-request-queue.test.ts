// GraphQL requests beyond GRAPHQL_MAX_CONCURRENT_REQUESTS wait their turn once read
// (src/server/middleware/request-queue.ts), in arrival order, for at most their wait bound; one
// that waited that long is answered 503 SERVICE_UNAVAILABLE without running. A transaction on a
// connection of its own holds a table's lock so that the request holding the one place cannot
// finish; that needs a second connection to the same database, so this runs on the PostgreSQL
// server only (the embedded database has one connection, and no limit by default).
import pg from "pg";
import type { DatabaseConfig } from "../src/config";
import { serverUrl } from "./support/test-database";
import { startTestServer, type TestServer } from "./support/test-server";
import { waitFor } from "./support/wait";

if (!serverUrl) console.warn("ops-request-queue skipped: it needs a PostgreSQL server (NEWSGRAPH_TEST_DATABASE_URL)");

(serverUrl ? describe : describe.skip)("one GraphQL request at a time", () => {
  let server: TestServer;
  let locker: pg.Client;

  beforeAll(async () => {
    server = await startTestServer({ server: { maxConcurrentRequests: 1, requestQueueWaitMs: 1_000 } });
    locker = new pg.Client({ connectionString: (server.databaseConfig as Extract<DatabaseConfig, { kind: "postgres" }>).url });
    await locker.connect();
  }, 60_000);
  afterAll(async () => {
    await locker?.end();
    await server?.stop();
  });

  const country = (code: string) => server.graphql(`{ countryByCode(code: "${code}") { name } }`);
  const answer = (name: string) => ({ status: 200, body: { data: { countryByCode: { name } }, extensions: { sqlStatements: 1 } } });

  /** The first request's statement waits for the lock `locker` holds; resolves once it does, with that request's answer to come. */
  async function holdTheOnePlace(): Promise<{ first: ReturnType<typeof country> }> {
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE country IN ACCESS EXCLUSIVE MODE");
    const first = country("LB");
    await waitFor(async () => {
      const { rows } = await locker.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      return rows[0].n === 1;
    }, "the first request to wait for the lock");
    return { first };
  }

  async function waiting(): Promise<number> {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    return Number(/^newsgraph_graphql_requests_waiting (\d+)$/m.exec(text)?.[1]);
  }

  test("a request that waited its longest is answered 503 without running; the one running is not disturbed", async () => {
    const { first } = await holdTheOnePlace();
    try {
      expect(await country("IL")).toEqual({
        status: 503,
        body: { errors: [{ message: "The server is busy; try again shortly", extensions: { code: "SERVICE_UNAVAILABLE" } }] },
      });
    } finally {
      await locker.query("COMMIT");
    }
    expect(await first).toEqual(answer("Lebanon"));
    expect(await waiting()).toBe(0);
    expect(await country("IL")).toEqual(answer("Israel"));
  });

  test("requests that wait run once the place is free, and are counted while they wait", async () => {
    const { first } = await holdTheOnePlace();
    let second: ReturnType<typeof country>;
    let third: ReturnType<typeof country>;
    try {
      second = country("IL");
      third = country("US");
      await waitFor(async () => (await waiting()) === 2, "two requests waiting for their turn");
    } finally {
      await locker.query("COMMIT");
    }
    expect(await Promise.all([first, second, third])).toEqual([answer("Lebanon"), answer("Israel"), answer("United States")]);
    expect(await waiting()).toBe(0);
  });
});
