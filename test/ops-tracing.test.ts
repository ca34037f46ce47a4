// OpenTelemetry tracing through HTTP: a request carrying a gateway's W3C `traceparent` continues
// that trace (a server span under the gateway's span, parse/validate/execute under it, a span per
// SQL statement under the execution, named by operation and table, never by value); a request
// without one starts a trace of its own; the request's log line carries the trace and span ids.
// With tracing off there are no spans and no trace ids. Spans are read from an in-memory exporter
// given through the server's options (the server exports each span as it ends).
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { summarizeStatement } from "../src/observability/sql-summary";
import { captureLogs } from "./support/log-capture";
import { databaseKind } from "./support/test-database";
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
async function traceOf(reqId: string): Promise<{ server: ReadableSpan; spans: ReadableSpan[] }> {
  const server = await waitFor(
    () => exporter.getFinishedSpans().find((span) => span.attributes["newsgraph.request_id"] === reqId),
    `the server span of ${reqId}`,
  );
  const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === server.spanContext().traceId);
  return { server, spans };
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
  console.log(JSON.stringify(spanTree(spans, server), null, 1));
  // No span carries a value of the query: its literal slug is nowhere in names or attributes.
  expect(JSON.stringify(spans.map((span) => [span.name, span.attributes]))).not.toContain(SLUG);
});
