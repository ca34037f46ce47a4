// OpenTelemetry tracing through HTTP: a request carrying a gateway's W3C `traceparent` continues
// that trace (a server span under the gateway's span, parse/validate/execute under it, a span per
// SQL statement under the execution, named by operation and table, never by value); a request
// without one starts a trace of its own; the request's log line carries the trace and span ids.
// With tracing off there are no spans and no trace ids. Spans are read from an in-memory exporter
// given through the server's options (the server exports each span as it ends); the built
// server process exports to a stand-in OTLP/HTTP collector, the last spans on SIGTERM.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { SpanKind } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { summarizeStatement } from "../src/observability/sql-summary";
import { captureLogs } from "./support/log-capture";
import { startServerProcess } from "./support/server-process";
import { createTestDatabase, databaseKind } from "./support/test-database";
import { bearer } from "./support/tokens";
import { startTestServer, type TestServer } from "./support/test-server";
import { waitFor } from "./support/wait";

const exporter = new InMemorySpanExporter();
const logs = captureLogs("info");
let traced: TestServer;

beforeAll(async () => {
  traced = await startTestServer({ server: { logger: logs.logger, tracing: { serviceName: "newsgraph-test", exporter } } });
});
afterAll(() => traced?.stop());

const SLUG = "naqura-civilian-talks-2025-12-03";
const GATEWAY_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const GATEWAY_SPAN_ID = "00f067aa0ba902b7";

interface SpanTree {
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  status?: number;
  children: SpanTree[];
}

/** The spans of one trace as a tree from its server span, children sorted (their order in time varies). */
function spanTree(spans: ReadableSpan[], root: ReadableSpan): SpanTree {
  const children = spans
    .filter((span) => span.parentSpanContext?.spanId === root.spanContext().spanId)
    .map((span) => spanTree(spans, span))
    .sort((a, b) => (a.name + JSON.stringify(a.attributes)).localeCompare(b.name + JSON.stringify(b.attributes)));
  return {
    name: root.name,
    kind: root.kind,
    attributes: root.attributes,
    ...(root.status.code === 0 ? {} : { status: root.status.code }),
    children,
  };
}

/** The server span of the request `reqId` (exported once its response is done) and its trace. */
async function traceOf(reqId: string, from = exporter): Promise<{ server: ReadableSpan; spans: ReadableSpan[] }> {
  const server = await waitFor(
    () => from.getFinishedSpans().find((span) => span.attributes["newsgraph.request_id"] === reqId),
    `the server span of ${reqId}`,
  );
  const spans = from.getFinishedSpans().filter((span) => span.spanContext().traceId === server.spanContext().traceId);
  return { server, spans };
}

function sqlSpan(operation: string, table?: string): SpanTree {
  const summary = table === undefined ? operation : `${operation} ${table}`;
  return {
    name: summary,
    kind: SpanKind.CLIENT,
    attributes: {
      "db.system.name": "postgresql",
      "db.operation.name": operation,
      ...(table === undefined ? {} : { "db.collection.name": table }),
      "db.query.summary": summary,
      "db.client.connection.pool.name": "primary",
    },
    children: [],
  };
}

function logLine(reqId: string) {
  return waitFor(() => logs.lines().find((line) => line.reqId === reqId && line.msg === "graphql request"), `the log line of ${reqId}`);
}

async function post(query: string, headers: Record<string, string>, variables?: Record<string, unknown>) {
  const response = await fetch(`${traced.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

test("a request carrying a gateway's traceparent continues its trace down to each SQL statement", async () => {
  const query = `query TracedMeeting { meetingBySlug(slug: "${SLUG}") { title delegations { totalCount edges { node { country { name } } } } } }`;
  const response = await post(query, {
    "x-request-id": "trace-1",
    traceparent: `00-${GATEWAY_TRACE_ID}-${GATEWAY_SPAN_ID}-01`,
    tracestate: "gateway=1",
  });
  expect(response).toEqual({ status: 200, body: expect.objectContaining({ data: expect.any(Object) }) });
  const { server, spans } = await traceOf("trace-1");
  expect(server.spanContext().traceId).toBe(GATEWAY_TRACE_ID);
  expect(server.parentSpanContext?.spanId).toBe(GATEWAY_SPAN_ID);
  expect(server.resource.attributes["service.name"]).toBe("newsgraph-test");
  expect(spanTree(spans, server)).toEqual({
    name: "POST /graphql",
    kind: SpanKind.SERVER,
    attributes: {
      "http.request.method": "POST",
      "http.route": "/graphql",
      "url.path": "/graphql",
      "newsgraph.request_id": "trace-1",
      "graphql.operation.type": "query",
      "graphql.operation.name": "TracedMeeting",
      "http.response.status_code": 200,
    },
    children: [
      {
        name: "graphql.execute",
        kind: SpanKind.INTERNAL,
        attributes: { "graphql.operation.type": "query", "graphql.operation.name": "TracedMeeting" },
        // The compiled read: the meeting, its delegations and their countries in one statement.
        children: [sqlSpan("SELECT", "meeting")],
      },
      { name: "graphql.parse", kind: SpanKind.INTERNAL, attributes: {}, children: [] },
      { name: "graphql.validate", kind: SpanKind.INTERNAL, attributes: {}, children: [] },
    ],
  });
  // No span carries a value of the query: its literal slug is nowhere in names or attributes.
  expect(JSON.stringify(spans.map((span) => [span.name, span.attributes]))).not.toContain(SLUG);
});

test("statements through Prisma are traced too, without the variables' values", async () => {
  const query = `query TracedSearch($name: String) { people(filter: { name: $name }, first: 10) { totalCount edges { node { name history { action } } } } }`;
  const response = await post(query, { "x-request-id": "trace-2", traceparent: `00-${GATEWAY_TRACE_ID}-${GATEWAY_SPAN_ID}-01` }, { name: "sa'ar" });
  expect(response).toEqual({
    status: 200,
    body: { data: { people: { totalCount: 1, edges: [{ node: { name: "Gideon Saar", history: [{ action: "CREATED" }] } }] } }, extensions: { sqlStatements: 2 } },
  });
  const { server, spans } = await traceOf("trace-2");
  expect(server.parentSpanContext?.spanId).toBe(GATEWAY_SPAN_ID);
  expect(spanTree(spans, server).children).toEqual([
    {
      name: "graphql.execute",
      kind: SpanKind.INTERNAL,
      attributes: { "graphql.operation.type": "query", "graphql.operation.name": "TracedSearch" },
      // The page (and its count) as a compiled read, then the history through Prisma.
      children: [sqlSpan("SELECT", "change"), sqlSpan("SELECT", "person")],
    },
    { name: "graphql.parse", kind: SpanKind.INTERNAL, attributes: {}, children: [] },
    { name: "graphql.validate", kind: SpanKind.INTERNAL, attributes: {}, children: [] },
  ]);
  expect(JSON.stringify(spans.map((span) => [span.name, span.attributes]))).not.toMatch(/sa'ar/i);
});

test("a write's statements, its transaction's included, are spans under its execution", async () => {
  const mutation = `mutation TracedWrite($input: CountryInput!) { createCountry(input: $input) { code name } }`;
  const response = await post(mutation, { "x-request-id": "trace-w", ...(await bearer({ roles: ["editor"] })) }, {
    input: { code: "QA", name: "Qatar-traced" },
  });
  expect(response).toEqual({ status: 200, body: { data: { createCountry: { code: "QA", name: "Qatar-traced" } }, extensions: { sqlStatements: expect.any(Number) } } });
  const { server, spans } = await traceOf("trace-w");
  const [execution] = spanTree(spans, server).children;
  // The row, the change record and its notification (pg_notify, for subscribers), the editor's
  // claims (recomputed), each a statement through Prisma in the write's transaction; as many spans
  // as statements counted. The servers' reads of the change for subscribers are not the write's.
  expect(execution).toEqual({
    name: "graphql.execute",
    kind: SpanKind.INTERNAL,
    attributes: { "graphql.operation.type": "mutation", "graphql.operation.name": "TracedWrite" },
    children: [
      // adapter-pg commits through the adapter (a statement counted), PGlite's adapter by itself.
      ...(databaseKind === "postgres" ? [sqlSpan("COMMIT")] : []),
      sqlSpan("DELETE", "claim"),
      sqlSpan("INSERT", "change"),
      sqlSpan("INSERT", "claim"),
      sqlSpan("INSERT", "country"),
      sqlSpan("SELECT", "claim"),
      sqlSpan("SELECT", "country"),
      sqlSpan("SELECT", "country"),
      sqlSpan("SELECT"),
    ],
  });
  expect(response.body.extensions.sqlStatements).toBe(execution.children.length);
  expect(JSON.stringify(spans.map((span) => [span.name, span.attributes]))).not.toMatch(/Qatar|"QA"/);
});

test("a request without traceparent starts a trace; a document Apollo has cached is neither parsed nor validated again", async () => {
  const query = `query TracedTitle($slug: String!) { meetingBySlug(slug: $slug) { title } }`;
  await post(query, { "x-request-id": "trace-3a" }, { slug: SLUG });
  await post(query, { "x-request-id": "trace-3b" }, { slug: SLUG });
  const first = await traceOf("trace-3a");
  const second = await traceOf("trace-3b");
  for (const { server } of [first, second]) {
    expect(server.parentSpanContext).toBeUndefined();
    expect(server.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(server.spanContext().traceId).not.toBe(GATEWAY_TRACE_ID);
  }
  expect(first.server.spanContext().traceId).not.toBe(second.server.spanContext().traceId);
  const execution = {
    name: "graphql.execute",
    kind: SpanKind.INTERNAL,
    attributes: { "graphql.operation.type": "query", "graphql.operation.name": "TracedTitle" },
    children: [sqlSpan("SELECT", "meeting")],
  };
  expect(spanTree(first.spans, first.server).children.map((child) => child.name)).toEqual([
    "graphql.execute",
    "graphql.parse",
    "graphql.validate",
  ]);
  expect(spanTree(second.spans, second.server).children).toEqual([execution]);
});

test("the request's log line carries its trace and span ids", async () => {
  await post(`{ meetingBySlug(slug: "${SLUG}") { title } }`, {
    "x-request-id": "trace-4",
    traceparent: `00-${GATEWAY_TRACE_ID}-${GATEWAY_SPAN_ID}-01`,
  });
  const { server } = await traceOf("trace-4");
  expect(await logLine("trace-4")).toEqual({
    level: "info",
    time: expect.any(String),
    service: "newsgraph",
    reqId: "trace-4",
    trace_id: GATEWAY_TRACE_ID,
    span_id: server.spanContext().spanId,
    operation: null,
    operationType: "query",
    status: 200,
    durationMs: expect.any(Number),
    outcome: "ok",
    sqlStatements: 1,
    msg: "graphql request",
  });
});

test("health probes and metrics scrapes make no spans", async () => {
  const before = exporter.getFinishedSpans().length;
  expect((await fetch(`${traced.url}/health/live`)).status).toBe(200);
  expect((await fetch(`${traced.url}/metrics`)).status).toBe(200);
  // A GraphQL request after them: once its span is out, theirs would have been too.
  await post(`{ __typename }`, { "x-request-id": "trace-5" });
  await traceOf("trace-5");
  expect(exporter.getFinishedSpans().slice(before).map((span) => span.attributes["newsgraph.request_id"])).toEqual([
    undefined, // graphql.parse
    undefined, // graphql.validate
    undefined, // graphql.execute
    "trace-5",
  ]);
});

describe("with tracing off", () => {
  const offLogs = captureLogs("info");
  let untraced: TestServer;
  beforeAll(async () => {
    untraced = await startTestServer({ server: { logger: offLogs.logger } });
  });
  afterAll(() => untraced?.stop());

  test("requests make no spans and their log lines carry no trace ids", async () => {
    const before = exporter.getFinishedSpans().length;
    const response = await untraced.graphql(`{ meetingBySlug(slug: "${SLUG}") { title } }`, undefined, {
      "x-request-id": "untraced-1",
      traceparent: `00-${GATEWAY_TRACE_ID}-${GATEWAY_SPAN_ID}-01`,
    });
    expect(response).toEqual({ status: 200, body: { data: { meetingBySlug: { title: expect.any(String) } }, extensions: { sqlStatements: 1 } } });
    const line = await waitFor(
      () => offLogs.lines().find((entry) => entry.reqId === "untraced-1" && entry.msg === "graphql request"),
      "the log line of untraced-1",
    );
    expect(line).toEqual({
      level: "info",
      time: expect.any(String),
      service: "newsgraph",
      reqId: "untraced-1",
      operation: null,
      operationType: "query",
      status: 200,
      durationMs: expect.any(Number),
      outcome: "ok",
      sqlStatements: 1,
      msg: "graphql request",
    });
    expect(exporter.getFinishedSpans().length).toBe(before);
  });
});

(databaseKind === "postgres" ? describe : describe.skip)("with a read replica", () => {
  const replicaExporter = new InMemorySpanExporter();
  let replicated: TestServer;
  beforeAll(async () => {
    replicated = await startTestServer({
      // A second URL of the same database is enough to see which pool ran each statement.
      database: (config) => (config.kind === "postgres" ? { ...config, replicaUrls: [config.url] } : config),
      server: { tracing: { serviceName: "newsgraph", exporter: replicaExporter } },
    });
  });
  afterAll(() => replicated?.stop());

  test("reads' statement spans name the replica's pool, writes' the primary's", async () => {
    const pools = async (reqId: string) => {
      const { spans } = await traceOf(reqId, replicaExporter);
      return [...new Set(spans.map((span) => span.attributes["db.client.connection.pool.name"]).filter(Boolean))];
    };
    await replicated.graphql(`query { people(first: 2) { totalCount edges { node { name } } } }`, undefined, { "x-request-id": "replica-read" });
    expect(await pools("replica-read")).toEqual(["replica-1"]);
    const write = await replicated.graphql(
      `mutation ($input: CountryInput!) { createCountry(input: $input) { code } }`,
      { input: { code: "QA", name: "Qatar" } },
      { "x-request-id": "replica-write", ...(await bearer({ roles: ["editor"] })) },
    );
    expect(write.body).toEqual({ data: { createCountry: { code: "QA" } }, extensions: { sqlStatements: expect.any(Number) } });
    expect(await pools("replica-write")).toEqual(["primary"]);
  });
});

describe("the server process (dist/src/main.js)", () => {
  let dataDir: string;
  let collector: http.Server;
  /** The OTLP/HTTP JSON bodies the stand-in collector received. */
  const exports: { path: string; body: OtlpTraces }[] = [];

  interface OtlpTraces {
    resourceSpans: {
      resource: { attributes: { key: string; value: { stringValue?: string } }[] };
      scopeSpans: { spans: { traceId: string; parentSpanId?: string; name: string }[] }[];
    }[];
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsgraph-tracing-"));
    collector = http.createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      req.on("end", () => {
        exports.push({ path: req.url ?? "", body: JSON.parse(body) as OtlpTraces });
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    collector.closeAllConnections();
    await new Promise((resolve) => collector.close(resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("with OTEL_EXPORTER_OTLP_ENDPOINT set, SIGTERM exports the pending spans before the process exits", async () => {
    const database = await createTestDatabase(path.join(dataDir, "pglite"));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const server = await startServerProcess({ ...database.env, SEED_ON_EMPTY: "true", OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", traceparent: `00-${GATEWAY_TRACE_ID}-${GATEWAY_SPAN_ID}-01` },
        body: JSON.stringify({ query: `{ meetingBySlug(slug: "${SLUG}") { title } }` }),
      });
      expect(response.status).toBe(200);
      await server.waitForLog((line) => line.msg === "graphql request");
      server.child.kill("SIGTERM");
      expect(await server.exited).toMatchObject({ code: 0 });
    } finally {
      await server.kill();
      await database.drop();
    }
    const spans = exports.flatMap(({ body }) => body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)));
    expect(exports.map((received) => received.path)).toEqual(exports.map(() => "/v1/traces"));
    expect(exports[0].body.resourceSpans[0].resource.attributes).toContainEqual({ key: "service.name", value: { stringValue: "newsgraph" } });
    expect(spans.map((span) => span.name).sort()).toEqual(["POST /graphql", "SELECT meeting", "graphql.execute", "graphql.parse", "graphql.validate"]);
    expect(spans.every((span) => span.traceId === GATEWAY_TRACE_ID)).toBe(true);
    expect(spans.find((span) => span.name === "POST /graphql")?.parentSpanId).toBe(GATEWAY_SPAN_ID);
  });
});

test("a statement's summary is its operation and outermost table, never a value", () => {
  expect(
    [
      `SELECT "public"."meeting"."id" FROM "public"."meeting" WHERE "public"."meeting"."slug" = $1 LIMIT $2`,
      `/* prepared */ SELECT coalesce(json_agg(json_build_object('id', t0."id", '@d', (SELECT coalesce(json_agg(t1."id"), '[]'::json) FROM "delegation" t1 WHERE t1."meetingId" = t0."id"))), '[]'::json) FROM "meeting" t0 WHERE t0."slug" = ANY($1)`,
      `SELECT COUNT(*) AS "_count._all" FROM (SELECT "public"."person"."id" FROM "public"."person" WHERE 1=1 OFFSET $1) AS "sub"`,
      `INSERT INTO "public"."article" ("id", "title") VALUES ($1, $2) RETURNING "id"`,
      `UPDATE "public"."fact" SET "value" = $1 WHERE "id" = $2`,
      `DELETE FROM "public"."claim" WHERE "id" = $1`,
      `SELECT 1 FROM "meeting" WHERE "id" = ANY($1::uuid[]) ORDER BY "id" FOR NO KEY UPDATE`,
      `BEGIN`,
      `SELECT 1`,
    ].map(summarizeStatement),
  ).toEqual([
    { operation: "SELECT", table: "meeting" },
    { operation: "SELECT", table: "meeting" },
    { operation: "SELECT", table: "person" },
    { operation: "INSERT", table: "article" },
    { operation: "UPDATE", table: "fact" },
    { operation: "DELETE", table: "claim" },
    { operation: "SELECT", table: "meeting" },
    { operation: "BEGIN" },
    { operation: "SELECT" },
  ]);
});
