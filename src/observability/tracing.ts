// OpenTelemetry tracing: a tracer provider whose spans go over OTLP/HTTP (or, in tests, to the
// exporter given). The SDK and the exporter are loaded here, when tracing is turned on, and not
// otherwise: a server without OTEL_EXPORTER_OTLP_ENDPOINT never loads them. The provider is not
// registered globally: the server's spans are made from its tracer (request-trace.ts), so
// several servers in one process (tests) each keep their own.
import type { Context, Tracer } from "@opentelemetry/api";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import type { TracingConfig } from "../config";

export interface TracingOptions extends TracingConfig {
  /** Where spans go instead of OTLP, each as it ends (tests read them from an InMemorySpanExporter). */
  exporter?: SpanExporter;
}

export interface Tracing {
  tracer: Tracer;
  /** The trace context of W3C `traceparent` / `tracestate` headers (the root context without them). */
  extract(headers: Record<string, string | string[] | undefined>): Context;
  /** Exports what is pending and stops (on server stop). */
  shutdown(): Promise<void>;
}

export async function startTracing(options: TracingOptions): Promise<Tracing> {
  const [api, core, resources, sdk] = await Promise.all([
    import("@opentelemetry/api"),
    import("@opentelemetry/core"),
    import("@opentelemetry/resources"),
    import("@opentelemetry/sdk-trace-base"),
  ]);
  // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT, _HEADERS, _TIMEOUT and _COMPRESSION itself.
  const processor = options.exporter
    ? new sdk.SimpleSpanProcessor(options.exporter)
    : new sdk.BatchSpanProcessor(new (await import("@opentelemetry/exporter-trace-otlp-http")).OTLPTraceExporter());
  const provider = new sdk.BasicTracerProvider({
    // OTEL_RESOURCE_ATTRIBUTES adds attributes (a deployment environment, a version); the name is ours.
    resource: resources
      .defaultResource()
      .merge(resources.detectResources({ detectors: [resources.envDetector] }))
      .merge(resources.resourceFromAttributes({ "service.name": options.serviceName })),
    spanProcessors: [processor],
  });
  const propagator = new core.W3CTraceContextPropagator();
  return {
    tracer: provider.getTracer("newsgraph"),
    extract: (headers) => propagator.extract(api.ROOT_CONTEXT, headers, api.defaultTextMapGetter),
    shutdown: () => provider.shutdown(),
  };
}
