// Hive Gateway (the `@graphql-hive/gateway` CLI, v2) in front of several newsgraph replicas, on
// the supergraph rover composes (docs/deploy/supergraph.yaml):
//
//   npx hive-gateway supergraph supergraph.graphql --port 4000
//
// with this file as ./gateway.config.ts. Needs @opentelemetry/context-async-hooks and
// @opentelemetry/exporter-trace-otlp-http beside the gateway for the tracing part.
// test/federation.test.ts runs the same gateway (its runtime, with the same header
// propagation) in front of newsgraph and checks that newsgraph's errors reach the client.
import { defineConfig } from "@graphql-hive/gateway";
import { openTelemetrySetup } from "@graphql-hive/gateway/opentelemetry/setup";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";

// W3C trace context goes to the subgraphs with each request; newsgraph continues the trace
// when its OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/operations.md, "Tracing").
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
  openTelemetrySetup({
    contextManager: new AsyncLocalStorageContextManager(),
    traces: { exporter: new OTLPTraceExporter({ url: `${process.env.OTEL_EXPORTER_OTLP_ENDPOINT}/v1/traces` }) },
    resource: { serviceName: "hive-gateway", serviceVersion: "1" },
  });
}

export const gatewayConfig = defineConfig({
  supergraph: "./supergraph.graphql",
  openTelemetry: { traces: Boolean(process.env.OTEL_EXPORTER_OTLP_ENDPOINT) },
  propagateHeaders: {
    // newsgraph reads the client's bearer token (writes, and reads when
    // AUTH_REQUIRE_TOKEN_FOR_READS is on); a client that just wrote may ask for its reads from
    // the primary database (docs/operations.md, "Read replicas").
    fromClientToSubgraphs: ({ request, subgraphName }) =>
      subgraphName === "newsgraph"
        ? {
            authorization: request.headers.get("authorization") ?? undefined,
            "x-newsgraph-read-primary": request.headers.get("x-newsgraph-read-primary") ?? undefined,
          }
        : {},
  },
});
