// Graceful failure: when PostgreSQL goes away under steady traffic, requests fail fast with
// SERVICE_UNAVAILABLE (HTTP 503), readiness turns false, and when it comes back the same server
// recovers by itself; no acknowledged write is lost. PostgreSQL "goes away" behind a TCP proxy
// the test cuts (connections reset, new ones refused) or blackholes (nothing answers).
// The embedded database lives in the process and cannot go away: these run against a server.
import type { Database } from "../src/database/database";
import { isDatabaseUnavailableError, openDatabase } from "../src/database/database";
import { ARTICLE_BY_SLUG, writeTestArticle } from "./support/article-writes";
import { captureLogs } from "./support/log-capture";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";
import { databaseKind, serverUrl } from "./support/test-database";
import { type GraphQLResponse, startTestServer, type TestServer } from "./support/test-server";
import { waitFor } from "./support/wait";

const UNAVAILABLE_MESSAGE = "The database is unavailable or did not answer in time; try again shortly";
const SLUG = "naqura-civilian-talks-2025-12-03";
const MEETING = `query Meeting($slug: String!) { meetingBySlug(slug: $slug) { title place { name } } }`;

describe("which errors mean the database is unavailable", () => {
  // Shapes observed from pg, @prisma/adapter-pg and Prisma 7 when the server went away.
  const adapterError = (cause: Record<string, unknown>) => ({
    name: "PrismaClientKnownRequestError",
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });
  test.each([
    ["a lost connection", new Error("Connection terminated unexpectedly")],
    ["a connect timeout", new Error("Connection terminated due to connection timeout")],
    ["a pool wait timeout", new Error("timeout exceeded when trying to connect")],
    ["a reply timeout", new Error("Query read timeout")],
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["Prisma's P1001", { name: "PrismaClientKnownRequestError", code: "P1001", message: "Can't reach database server" }],
    ["an unreachable server through the adapter", adapterError({ kind: "DatabaseNotReachable", host: "db", port: 5432 })],
    ["a server shutting down", adapterError({ kind: "postgres", code: "57P01", originalCode: "57P01" })],
    ["a statement timeout", adapterError({ kind: "postgres", code: "57014", originalCode: "57014" })],
    ["a wrapped cause", new Error("replica-1: Connection terminated unexpectedly", { cause: new Error("Connection terminated unexpectedly") })],
  ])("%s is", (_name, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });
  test.each([
    ["a missing table", adapterError({ kind: "TableDoesNotExist", table: "public.country" })],
    ["a unique violation", { name: "PrismaClientKnownRequestError", code: "P2002" }],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["not an error", "Connection terminated unexpectedly"],
  ])("%s is not", (_name, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });
});

const onServer = databaseKind === "postgres" ? describe : describe.skip;

onServer("when PostgreSQL goes away", () => {
  /** Small, so that the blackhole test is quick; the default is 5000. */
  const TIMEOUT_MS = 1_000;
  /** Only to turn a hang into a failure: far above what any answer should take. */
  const HANG_MS = 20 * TIMEOUT_MS;
  const logs = captureLogs("info");
  let proxy: TcpProxy;
  let server: TestServer;
  let writer: Database;

  beforeAll(async () => {
    const target = new URL(serverUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    server = await startTestServer({
      database: (config) => config.kind === "postgres" ? { ...config, url: proxy.proxiedUrl(config.url), timeoutMs: TIMEOUT_MS } : config,
      server: { logger: logs.logger },
    });
    const { url } = server.databaseConfig as { url: string };
    writer = await openDatabase({ kind: "postgres", url: proxy.proxiedUrl(url), timeoutMs: TIMEOUT_MS });
  });
  afterEach(() => proxy.restore()); // a failed test must not leave the database away for the next
  afterAll(async () => {
    await writer?.close();
    await server?.stop();
    await proxy?.close();
  });

  const post = async (query: string, variables: Record<string, unknown>, requestId?: string): Promise<GraphQLResponse> => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(requestId ? { "x-request-id": requestId } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(HANG_MS),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse["body"] };
  };
  const readiness = async () => {
    const response = await fetch(`${server.url}/health/ready`, { signal: AbortSignal.timeout(HANG_MS) });
    return { status: response.status, body: (await response.json()) as { status: string; reason?: string } };
  };

  type Kind = "ok" | "unavailable" | "other";
  const classify = ({ status, body }: GraphQLResponse): Kind => {
    if (status === 200 && !body.errors && typeof (body.data?.meetingBySlug as { title?: unknown })?.title === "string") return "ok";
    const unavailable = (body.errors ?? []).every(
      (error) => error.message === UNAVAILABLE_MESSAGE && error.extensions?.code === "SERVICE_UNAVAILABLE",
    );
    return status === 503 && body.errors?.length && unavailable ? "unavailable" : "other";
  };

  test("requests fail fast with SERVICE_UNAVAILABLE, readiness turns false, and the server recovers; no acknowledged write is lost", async () => {
    // Steady traffic: four readers over HTTP and one writer, until told to stop.
    let running = true;
    let recovered = false;
    const results: { kind: Kind; sentAfterRecovery: boolean; detail?: unknown }[] = [];
    const acknowledged: string[] = [];
    let failedWrites = 0;
    const reader = async () => {
      while (running) {
        const sentAfterRecovery = recovered;
        try {
          const response = await post(MEETING, { slug: SLUG });
          const kind = classify(response);
          results.push({ kind, sentAfterRecovery, ...(kind === "other" ? { detail: response } : {}) });
        } catch (error) {
          results.push({ kind: "other", sentAfterRecovery, detail: String(error) });
        }
      }
    };
    const writerLoop = async () => {
      for (let n = 1; running; n++) {
        const slug = `outage-write-${n}`;
        try {
          await writeTestArticle(writer, slug);
          acknowledged.push(slug);
        } catch {
          failedWrites += 1; // not acknowledged: it may or may not have committed
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const count = (kind: Kind, afterRecovery?: boolean) =>
      results.filter((r) => r.kind === kind && (afterRecovery === undefined || r.sentAfterRecovery === afterRecovery)).length;
    const traffic = Promise.all([reader(), reader(), reader(), reader(), writerLoop()]);

    try {
      await waitFor(() => count("ok") >= 20 && acknowledged.length >= 3, "traffic before the outage");
      expect((await readiness()).status).toBe(200);

      await proxy.cut();
      const writesBeforeOutage = acknowledged.length;
      await waitFor(() => count("unavailable") >= 20, "requests failing with SERVICE_UNAVAILABLE");
      expect(await readiness()).toEqual({ status: 503, body: { status: "unavailable", reason: "database unreachable" } });
      // One failed request as a client sees it, whole.
      expect(await post(MEETING, { slug: SLUG }, "outage-req-1")).toEqual({
        status: 503,
        body: {
          data: { meetingBySlug: null },
          errors: [
            {
              message: UNAVAILABLE_MESSAGE,
              path: ["meetingBySlug"],
              locations: [{ line: 1, column: 33 }],
              extensions: { code: "SERVICE_UNAVAILABLE", requestId: "outage-req-1" },
            },
          ],
          extensions: { sqlStatements: 1 }, // the one it tried
        },
      });
      await waitFor(() => failedWrites > 0, "a write failing during the outage");
      expect(acknowledged.length).toBeLessThanOrEqual(writesBeforeOutage + 1);

      await proxy.restore();
      await waitFor(async () => (await readiness()).status === 200, "readiness after the database is back");
      recovered = true;
      const writesAtRecovery = acknowledged.length;
      await waitFor(() => count("ok", true) >= 20 && acknowledged.length >= writesAtRecovery + 3, "traffic after recovery");
    } finally {
      running = false;
      await traffic;
    }

    // Every answer was either a success or a clean SERVICE_UNAVAILABLE: no hang, no masked crash.
    expect(results.filter((r) => r.kind === "other")).toEqual([]);
    // Once readiness said so, every request succeeded again, with no restart.
    expect(count("unavailable", true)).toBe(0);
    // Every acknowledged write is there, read back through the server.
    for (const slug of acknowledged) {
      const { body } = await post(ARTICLE_BY_SLUG, { slug });
      expect(body).toEqual({ data: { articleBySlug: { slug, title: `Test article ${slug}` } }, extensions: { sqlStatements: 1 } });
    }

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^newsgraph_graphql_errors_total\{operation="Meeting",code="SERVICE_UNAVAILABLE"\} [1-9]/m);
    expect(metrics).toMatch(/^newsgraph_database_available 1$/m);
    const transitions = logs.lines().filter((line) => /^database (unavailable|available again)/.test(line.msg));
    expect(transitions[0]).toMatchObject({ level: "warn", reason: expect.any(String) });
    expect(transitions.at(-1)).toMatchObject({ level: "info", msg: "database available again" });
  });

  test("a database that stops answering fails requests after the configured timeout, not never", async () => {
    await waitFor(async () => (await readiness()).status === 200, "a ready server");
    proxy.blackhole();
    try {
      // Pooled connections wait for a reply in vain, new ones for a handshake: both are bounded.
      const failed = await post(MEETING, { slug: SLUG });
      expect(classify(failed)).toBe("unavailable");
      expect(await readiness()).toEqual({ status: 503, body: { status: "unavailable", reason: "database unreachable" } });
    } finally {
      await proxy.restore();
    }
    await waitFor(async () => (await readiness()).status === 200, "readiness after the database answers again");
    expect(classify(await post(MEETING, { slug: SLUG }))).toBe("ok");
  });
});
