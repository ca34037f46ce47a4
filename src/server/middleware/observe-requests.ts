// Gives each request an id (the client's `x-request-id` when acceptable, else a new one, echoed
// in the response), a per-request SQL statement count, and, once the response is done, one log
// line and its metrics. GraphQL requests log at info (warn for 5xx); other routes (health
// probes, metrics scrapes, Playground assets) at debug. Only the path is logged, never the query
// string (GraphQL GETs carry variables there), headers or bodies. With tracing on, each request
// to /graphql gets its spans (observability/request-trace.ts) and its log line their trace and span ids.
import type { IncomingMessage, ServerResponse } from "node:http";
import { releaseStatementScope } from "../../observability/statement-counter";
import type { Logger } from "../../observability/logger";
import type { GraphQLObservation, Metrics } from "../../observability/metrics";
import { attachRequestRecord, elapsedSeconds, newRequestRecord } from "../../observability/request-record";
import { RequestTrace } from "../../observability/request-trace";
import type { Tracing } from "../../observability/tracing";

/** Plain node middleware: it runs before express and before the GraphQL POST handler alike. */
export function observeRequests(options: {
  logger: Logger;
  metrics: Metrics;
  /** Only when tracing is on. */
  tracing?: Tracing;
}): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const { logger, metrics, tracing } = options;
  return (req, res, next) => {
    const requestId = req.headers["x-request-id"];
    const record = newRequestRecord(Array.isArray(requestId) ? requestId[0] : requestId);
    const path = pathOf(req.url);
    res.setHeader("x-request-id", record.id);
    // Health probes and metrics scrapes make no traces.
    if (tracing && path === "/graphql") record.tracer = new RequestTrace(tracing, req, path, record.id);
    logger.debug({ reqId: record.id, method: req.method, path }, "request received");
    res.once("close", () => {
      releaseStatementScope(record);
      const durationSeconds = elapsedSeconds(record);
      const durationMs = Math.round(durationSeconds * 10_000) / 10;
      const status = res.statusCode;
      // Apollo saw it, or it was a GraphQL POST that failed before (a malformed JSON body).
      const isGraphQL = record.graphql !== undefined || (req.method === "POST" && path === "/graphql");
      record.tracer?.end(status);
      if (!isGraphQL) {
        logger.debug({ reqId: record.id, method: req.method, path, status, durationMs }, "http request");
        return;
      }
      const graphql = record.graphql ?? { operationName: null, operationType: null, errorCodes: [] };
      const outcome: GraphQLObservation["outcome"] = !res.writableFinished
        ? "aborted"
        : graphql.errorCodes.length > 0 || status >= 400
          ? "error"
          : "ok";
      const operation =
        graphql.operationType === null ? "unresolved" : (graphql.operationName ?? "anonymous");
      metrics.observeGraphQL({ operation, outcome, errorCodes: graphql.errorCodes, durationSeconds });
      const line = {
        reqId: record.id,
        ...record.tracer?.logFields(),
        operation: graphql.operationName,
        operationType: graphql.operationType,
        status,
        durationMs,
        outcome,
        ...(graphql.errorCodes.length > 0 ? { errors: graphql.errorCodes } : {}),
        sqlStatements: record.statements,
      };
      if (status >= 500) logger.warn(line, "graphql request");
      else logger.info(line, "graphql request");
    });
    attachRequestRecord(req, record);
    next();
  };
}

/** The path of a request target, without its query string. */
export function pathOf(url: string | undefined): string {
  const target = url ?? "/";
  const query = target.indexOf("?");
  return query < 0 ? target : target.slice(0, query);
}
