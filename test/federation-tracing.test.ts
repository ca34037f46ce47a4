// A trace begun by a gateway continues into newsgraph's SQL: Apollo Gateway, with OpenTelemetry
// registered in its process as a deployment would, serves the supergraph of docs/deploy/ and
// sends its fetch span's `traceparent` to newsgraph; newsgraph's spans (its own tracer and
// exporter) join that trace under the gateway's fetch, down to each SQL statement.
import fs from "node:fs";
import path from "node:path";
import { context, propagation, SpanKind, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { startGateway, type RunningGateway } from "./support/gateways";
import { startTestServer, type TestServer } from "./support/test-server";
import { waitFor } from "./support/wait";

const gatewaySpans = new InMemorySpanExporter();
const newsgraphSpans = new InMemorySpanExporter();
const gatewayProvider = new BasicTracerProvider({
  resource: resourceFromAttributes({ "service.name": "gateway" }),
  spanProcessors: [new SimpleSpanProcessor(gatewaySpans)],
});
let server: TestServer;
let gateway: RunningGateway;

beforeAll(async () => {
  // The gateway's process: what its OpenTelemetry setup (sdk-node or the like) registers.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(gatewayProvider);
  server = await startTestServer({ server: { tracing: { serviceName: "newsgraph", exporter: newsgraphSpans } } });
  const supergraph = fs.readFileSync(path.join(__dirname, "..", "docs", "deploy", "supergraph.graphql"), "utf8");
  gateway = await startGateway("Apollo Gateway", supergraph.replace("http://newsgraph:4000/graphql", `${server.url}/graphql`));
});
afterAll(async () => {
  await gateway?.stop();
  await server?.stop();
  trace.disable();
  propagation.disable();
  context.disable();
});

interface SpanNode {
  service: unknown;
  name: string;
  kind: SpanKind;
  children: SpanNode[];
}

/** The trace as a tree of (service, name, kind), children sorted by name: their order in time varies. */
function tree(spans: ReadableSpan[], root: ReadableSpan): SpanNode {
  const children = spans
    .filter((span) => span.parentSpanContext?.spanId === root.spanContext().spanId)
    .map((span) => tree(spans, span))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { service: root.resource.attributes["service.name"], name: root.name, kind: root.kind, children };
}

test("a query through Apollo Gateway is one trace, from the gateway's request to newsgraph's SQL", async () => {
  const query = `query DelegationsAtNaqura {
    meetingBySlug(slug: "naqura-civilian-talks-2025-12-03") {
      title
      delegations { edges { node { country { name } leader { name } } } }
    }
  }`;
  const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  expect({ status: response.status, body: await response.json() }).toEqual({
    status: 200,
    body: {
      data: {
        meetingBySlug: {
          title: "First direct civilian talks between Lebanon and Israel in decades",
          delegations: {
            edges: [
              { node: { country: { name: "Israel" }, leader: null } },
              { node: { country: { name: "Lebanon" }, leader: { name: "Simon Karam" } } },
              { node: { country: { name: "United States" }, leader: { name: "Morgan Ortagus" } } },
            ],
          },
        },
      },
    },
  });

  const root = await waitFor(() => gatewaySpans.getFinishedSpans().find((span) => span.name === "gateway.request"), "the gateway's request span");
  // newsgraph exports its server span when its response is done, which may be after the gateway's.
  const spans = () => [...gatewaySpans.getFinishedSpans(), ...newsgraphSpans.getFinishedSpans()].filter((span) => span.spanContext().traceId === root.spanContext().traceId);
  await waitFor(() => spans().some((span) => span.name === "POST /graphql"), "newsgraph's server span in the gateway's trace");
  expect(tree(spans(), root)).toEqual({
    service: "gateway",
    name: "gateway.request",
    kind: SpanKind.INTERNAL,
    children: [
      {
        service: "gateway",
        name: "gateway.execute",
        kind: SpanKind.INTERNAL,
        children: [
          {
            service: "gateway",
            name: "gateway.fetch",
            kind: SpanKind.INTERNAL,
            children: [
              {
                service: "newsgraph",
                name: "POST /graphql",
                kind: SpanKind.SERVER,
                children: [
                  // The compiled read: the meeting, its delegations, their countries and leaders, one statement.
                  { service: "newsgraph", name: "graphql.execute", kind: SpanKind.INTERNAL, children: [{ service: "newsgraph", name: "SELECT meeting", kind: SpanKind.CLIENT, children: [] }] },
                  { service: "newsgraph", name: "graphql.parse", kind: SpanKind.INTERNAL, children: [] },
                  { service: "newsgraph", name: "graphql.validate", kind: SpanKind.INTERNAL, children: [] },
                ],
              },
            ],
          },
          { service: "gateway", name: "gateway.postprocessing", kind: SpanKind.INTERNAL, children: [] },
        ],
      },
      { service: "gateway", name: "gateway.plan", kind: SpanKind.INTERNAL, children: [] },
      { service: "gateway", name: "gateway.validate", kind: SpanKind.INTERNAL, children: [] },
    ],
  });
});
