// Writes while PostgreSQL stops answering: a mutation fails like a read does, SERVICE_UNAVAILABLE
// with HTTP 503 (try again), not INTERNAL_SERVER_ERROR, and nothing is written. PostgreSQL "stops
// answering" behind a TCP proxy that accepts connections but lets nothing through.
// The embedded database lives in the process and cannot go away: these run against a server.
import { type Database, isDatabaseUnavailableError, openDatabase } from "../src/database/database";
import { snapshotTables } from "./support/database-snapshot";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";
import { databaseKind, serverUrl } from "./support/test-database";
import { startTestServer, type TestServer } from "./support/test-server";
import { bearer } from "./support/tokens";
import { waitFor } from "./support/wait";

const UNAVAILABLE_MESSAGE = "The database is unavailable or did not answer in time; try again shortly";
const CREATE_COUNTRY = `mutation ($input: CountryInput!) { createCountry(input: $input) { code name } }`;
const COUNTRY = `query ($code: String!) { countryByCode(code: $code) { name } }`;

describe("which transaction errors mean the database is unavailable", () => {
  // Prisma 7's TransactionManagerError: code P2028, "Transaction API error: " and the reason.
  const transactionError = (reason: string) => ({
    name: "PrismaClientKnownRequestError",
    code: "P2028",
    meta: {},
    message: `Transaction API error: ${reason}`,
  });
  test("a transaction that could not start in time (maxWait) is", () => {
    expect(isDatabaseUnavailableError(transactionError("Unable to start a transaction in the given time."))).toBe(true);
  });
  test.each([
    ["an expired transaction", "A commit cannot be executed on an expired transaction. The timeout for this transaction was 5000 ms, however 5012 ms passed since the start of the transaction. Consider increasing the interactive transaction timeout or doing less work in the transaction."],
    ["a transaction not found", "Transaction not found. Transaction ID is invalid, refers to an old closed transaction Prisma doesn't have information about anymore, or was obtained before disconnecting."],
    ["a closed transaction", "Transaction already closed: A query cannot be executed on a committed transaction."],
  ])("%s is not", (_name, reason) => {
    expect(isDatabaseUnavailableError(transactionError(reason))).toBe(false);
  });
  test("the start timeout's message under another code is not", () => {
    expect(isDatabaseUnavailableError({ ...transactionError("Unable to start a transaction in the given time."), code: "P2010" })).toBe(false);
  });
});

const onServer = databaseKind === "postgres" ? describe : describe.skip;

// Whichever gives up first: with the default DATABASE_TIMEOUT_MS (5 s) it is Prisma, waiting at
// most 2 s (its maxWait) for a transaction to start; with a short one, pg's reply timeout.
onServer.each([
  [1_000, "Prisma's maxWait (2 s) ends the wait first"],
  [300, "pg's reply timeout (0.3 + 1 s) ends the wait first"],
])("when PostgreSQL stops answering (DATABASE_TIMEOUT_MS=%d: %s), a write", (TIMEOUT_MS) => {
  /** Only to turn a hang into a failure: far above what any answer should take. */
  const HANG_MS = 20_000;
  let proxy: TcpProxy;
  let server: TestServer;
  let editor: Record<string, string>;
  /** The same database, not through the proxy: it sees what was written whatever the proxy does. */
  let direct: Database;

  beforeAll(async () => {
    const target = new URL(serverUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    server = await startTestServer({
      database: (config) => (config.kind === "postgres" ? { ...config, url: proxy.proxiedUrl(config.url), timeoutMs: TIMEOUT_MS } : config),
    });
    editor = await bearer({ subject: "alice@newsroom.example", roles: ["editor"] });
    direct = await openDatabase(server.databaseConfig);
  });
  afterEach(() => proxy.restore()); // a failed test must not leave the database away for the next
  afterAll(async () => {
    await direct?.close();
    await server?.stop();
    await proxy?.close();
  });

  const post = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(HANG_MS),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  test("fails with SERVICE_UNAVAILABLE and HTTP 503, within the timeouts; nothing is written", async () => {
    const ready = async () => (await fetch(`${server.url}/health/ready`)).status === 200;
    await waitFor(ready, "a ready server");
    const before = await snapshotTables(direct);

    proxy.blackhole();
    const started = Date.now();
    const failed = await post(CREATE_COUNTRY, { input: { code: "SY", name: "Syria" } }, { ...editor, "x-request-id": "silent-write-1" });
    const elapsed = Date.now() - started;
    expect(failed).toEqual({
      status: 503,
      body: {
        data: null,
        errors: [
          {
            message: UNAVAILABLE_MESSAGE,
            path: ["createCountry"],
            locations: [{ line: 1, column: 36 }],
            extensions: { code: "SERVICE_UNAVAILABLE", requestId: "silent-write-1" },
          },
        ],
        extensions: { sqlStatements: 0 }, // the transaction never started
      },
    });
    // Bounded by the database timeouts, not by HANG_MS.
    expect(elapsed).toBeLessThan(5_000);
    expect(await snapshotTables(direct)).toEqual(before);

    await proxy.restore();
    await waitFor(ready, "readiness after the database answers again");
    expect(await snapshotTables(direct)).toEqual(before);
    expect(await post(COUNTRY, { code: "SY" })).toEqual({ status: 200, body: { data: { countryByCode: null }, extensions: { sqlStatements: 1 } } });

    // And once it answers again, the same write goes through.
    expect(await post(CREATE_COUNTRY, { input: { code: "SY", name: "Syria" } }, editor)).toEqual({
      status: 200,
      body: { data: { createCountry: { code: "SY", name: "Syria" } }, extensions: { sqlStatements: 9 } }, // the country, its editor claims, the change log and its notification
    });
  });
});
