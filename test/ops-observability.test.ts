// Logs, metrics and health over HTTP: a JSON log line per GraphQL request with its id,
// operation, duration and outcome (and nothing sensitive), Prometheus metrics at /metrics, and
// the liveness and readiness endpoints.
import { openDatabase } from "../src/database/database";
import { createServer } from "../src/server/app";
import { captureLogs } from "./support/log-capture";
import { createTestDatabase } from "./support/test-database";
import { startTestServer, type TestServer } from "./support/test-server";
import { waitFor } from "./support/wait";

const logs = captureLogs("info");
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ server: { logger: logs.logger } });
});
afterAll(() => server?.stop());

const MEETING_TITLE = `query MeetingTitle($slug: String!) { meetingBySlug(slug: $slug) { title } }`;
const SLUG = "naqura-civilian-talks-2025-12-03";

/** The request's log line, written (with its metrics) once the response has gone out. */
function requestLines(reqId: string) {
  return waitFor(() => {
    const lines = logs.lines().filter((line) => line.reqId === reqId && line.msg === "graphql request");
    return lines.length > 0 && lines;
  }, `the log line of ${reqId}`);
}

test("a GraphQL request logs one JSON line with its id, operation, duration and outcome", async () => {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-request-id": "req-logs-1" },
    body: JSON.stringify({ query: MEETING_TITLE, variables: { slug: SLUG } }),
  });
  expect(response.headers.get("x-request-id")).toBe("req-logs-1");
  expect(await response.json()).toEqual({ data: { meetingBySlug: { title: expect.any(String) } }, extensions: { sqlStatements: 1 } });
  expect(await requestLines("req-logs-1")).toEqual([
    {
      level: "info",
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      service: "newsgraph",
      reqId: "req-logs-1",
      operation: "MeetingTitle",
      operationType: "query",
      status: 200,
      durationMs: expect.any(Number),
      outcome: "ok",
      sqlStatements: 1,
      msg: "graphql request",
    },
  ]);
});

test("errors are logged by code, and no token, header or variable value reaches the log", async () => {
  const secrets = { token: "tok-5ecret-value", password: "hunter2-pass", slug: "a-slug-nobody-should-log" };
  const { status } = await server.graphql(
    `query Leaky($slug: String!) { meetingBySlug(slug: $slug) { title } nope }`,
    secrets,
    { cookie: "session=cookie-5ecret-value", "x-request-id": "req-logs-2" },
  );
  expect(status).toBe(200);
  expect(await requestLines("req-logs-2")).toEqual([
    expect.objectContaining({ operation: null, status: 200, outcome: "error", errors: ["GRAPHQL_VALIDATION_FAILED"] }),
  ]);
  // A bearer token (whatever the server makes of it) is not logged either.
  await server.graphql(MEETING_TITLE, { slug: SLUG }, { authorization: "Bearer bearer-5ecret-value", "x-request-id": "req-logs-3" });
  await requestLines("req-logs-3");
  for (const secret of [...Object.values(secrets), "bearer-5ecret-value", "cookie-5ecret-value"]) {
    expect(logs.text()).not.toContain(secret);
  }
});

test("a request id is made when the client sends none or an unusable one", async () => {
  for (const sent of [undefined, "has spaces and <markup>", "x".repeat(200)]) {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(sent ? { "x-request-id": sent } : {}) },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  }
});

test("GET /metrics serves requests and errors by operation, latency, SQL statements, pool and process metrics", async () => {
  await server.graphql(MEETING_TITLE, { slug: SLUG }, { "x-request-id": "req-metrics-1" });
  await server.graphql("query Broken { nope }", undefined, { "x-request-id": "req-metrics-2" });
  await requestLines("req-metrics-1");
  await requestLines("req-metrics-2");
  const response = await fetch(`${server.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await response.text();
  const value = (series: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };
  expect(value('newsgraph_graphql_requests_total{operation="MeetingTitle",outcome="ok"}')).toBeGreaterThanOrEqual(2);
  expect(value('newsgraph_graphql_requests_total{operation="unresolved",outcome="error"}')).toBeGreaterThanOrEqual(2);
  expect(value('newsgraph_graphql_errors_total{operation="unresolved",code="GRAPHQL_VALIDATION_FAILED"}')).toBeGreaterThanOrEqual(2);
  expect(value('newsgraph_graphql_request_duration_seconds_count{operation="MeetingTitle"}')).toBeGreaterThanOrEqual(2);
  expect(value('newsgraph_graphql_request_duration_seconds_bucket{le="+Inf",operation="MeetingTitle"}')).toBeGreaterThanOrEqual(2);
  expect(value('newsgraph_sql_statements_total{target="primary"}')).toBeGreaterThan(0);
  expect(value('newsgraph_db_pool_connections{target="primary"}')).toBeGreaterThanOrEqual(0);
  expect(value('newsgraph_db_pool_idle_connections{target="primary"}')).toBeGreaterThanOrEqual(0);
  expect(value('newsgraph_db_pool_waiting_queries{target="primary"}')).toBe(0);
  expect(value('newsgraph_db_pool_max_connections{target="primary"}')).toBeGreaterThanOrEqual(1);
  expect(value("newsgraph_database_available")).toBe(1);
  expect(value("process_resident_memory_bytes")).toBeGreaterThan(0);
  expect(text).toContain("nodejs_heap_size_used_bytes");
  expect(text).toContain("nodejs_eventloop_lag_seconds");
});

test("GET /health/live and /health/ready answer while the database is reachable and migrated", async () => {
  const live = await fetch(`${server.url}/health/live`);
  expect({ status: live.status, body: await live.json() }).toEqual({ status: 200, body: { status: "live" } });
  const ready = await fetch(`${server.url}/health/ready`);
  expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: "ready" } });
});

test("readiness is false while migrations are not applied", async () => {
  const fresh = await createTestDatabase();
  const database = await openDatabase(fresh.config);
  const unmigrated = await createServer(
    { port: 0, host: "127.0.0.1", exposeSqlStatementCount: false, playgroundEnabled: false, logger: logs.logger },
    database,
  );
  try {
    const port = await unmigrated.listen();
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({
      status: 503,
      body: { status: "unavailable", reason: expect.stringMatching(/^migrations not applied: 20261125030000_init/) },
    });
    const live = await fetch(`http://127.0.0.1:${port}/health/live`);
    expect(live.status).toBe(200);
  } finally {
    await unmigrated.stop();
    await database.close();
    await fresh.drop();
  }
});
