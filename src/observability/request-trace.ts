// One GraphQL request's spans: the server span (continuing the caller's trace when the request
// carries a W3C `traceparent`), the GraphQL stages under it, and each SQL statement under the
// stage that ran it. Made only when tracing is on: a request without tracing has no RequestTrace.
import type { IncomingMessage } from "node:http";
import { type Context, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { StatementTracer } from "./statement-counter";
import { summarizeStatement, summaryName } from "./sql-summary";
import type { Tracing } from "./tracing";

export class RequestTrace implements StatementTracer {
  private readonly server: Span;
  private readonly serverContext: Context;
  /** Where statements' spans go: the execution's span while it runs, the server span otherwise. */
  private active: Context;

  constructor(
    private readonly tracing: Tracing,
    req: IncomingMessage,
    path: string,
    requestId: string,
  ) {
    const parent = tracing.extract(req.headers);
    const method = req.method ?? "GET";
    this.server = tracing.tracer.startSpan(
      `${method} ${path}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          "http.request.method": method,
          "http.route": path,
          "url.path": path,
          "newsgraph.request_id": requestId,
        },
      },
      parent,
    );
    this.serverContext = trace.setSpan(parent, this.server);
    this.active = this.serverContext;
  }

  /** The ids a log line carries, as OpenTelemetry's log correlation names them. */
  logFields(): { trace_id: string; span_id: string } {
    const { traceId, spanId } = this.server.spanContext();
    return { trace_id: traceId, span_id: spanId };
  }

  /** A GraphQL stage (parse, validate) under the server span. */
  stage(name: string): Span {
    return this.tracing.tracer.startSpan(name, {}, this.serverContext);
  }

  /** The execution's span; statements run until it ends are its children. */
  execution(operationType: string, operationName: string | null): { end(error?: unknown): void } {
    const span = this.tracing.tracer.startSpan(
      "graphql.execute",
      {
        attributes: {
          "graphql.operation.type": operationType,
          ...(operationName ? { "graphql.operation.name": operationName } : {}),
        },
      },
      this.serverContext,
    );
    this.active = trace.setSpan(this.serverContext, span);
    return {
      end: (error) => {
        this.active = this.serverContext;
        endSpan(span, error);
      },
    };
  }

  statement(target: string, sql: string): { end(error?: unknown): void } {
    const summary = summarizeStatement(sql);
    const span = this.tracing.tracer.startSpan(
      summaryName(summary),
      {
        kind: SpanKind.CLIENT,
        attributes: {
          "db.system.name": "postgresql",
          "db.operation.name": summary.operation,
          ...(summary.table === undefined ? {} : { "db.collection.name": summary.table }),
          "db.query.summary": summaryName(summary),
          // Which pool ran it: "primary", or the read replica "replica-N".
          "db.client.connection.pool.name": target,
        },
      },
      this.active,
    );
    return { end: (error) => endSpan(span, error) };
  }

  /** Names the server span after the operation, once Apollo has resolved it. */
  operation(operationType: string, operationName: string | null): void {
    this.server.setAttributes({
      "graphql.operation.type": operationType,
      ...(operationName ? { "graphql.operation.name": operationName } : {}),
    });
  }

  /** Ends the server span with the response's status (5xx is an error, as HTTP's conventions say for servers). */
  end(status: number): void {
    this.server.setAttribute("http.response.status_code", status);
    if (status >= 500) this.server.setStatus({ code: SpanStatusCode.ERROR });
    this.server.end();
  }
}

/** Ends a span, marking it failed (with the error's type, never its message: it may quote values) when `error` is set. */
export function endSpan(span: Span, error?: unknown): void {
  if (error !== undefined) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.setAttribute("error.type", error instanceof Error ? error.constructor.name : typeof error);
  }
  span.end();
}
