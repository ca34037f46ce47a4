// What the server knows about the request it is serving: its id, when it started, and (for
// GraphQL) the operation and the error codes it answered with. The logging and metrics
// middleware reads it when the response is done. It travels with the request (requestRecordOf)
// and the GraphQL context, not in an AsyncLocalStorage: that costs every promise of the process
// (observability/statement-counter.ts).
import type { IncomingMessage } from "node:http";
import { randomUUID } from "node:crypto";
import type { StatementScope } from "./statement-counter";
import type { RequestTrace } from "./request-trace";

export interface GraphQLRecord {
  /** The executed operation's name; null for an anonymous one or when none could be resolved. */
  operationName: string | null;
  /** query / mutation / subscription, once the operation is resolved. */
  operationType: string | null;
  /** `extensions.code` of each error in the response, in order. */
  errorCodes: string[];
}

export interface RequestRecord extends StatementScope {
  id: string;
  /** process.hrtime.bigint() when the request arrived. */
  startedAt: bigint;
  graphql?: GraphQLRecord;
  /** The request's spans, when tracing is on: its statements' tracer, and its stages' and server span's. */
  tracer?: RequestTrace;
}

/** A request id from a client or proxy is kept when it is short and plain; otherwise one is made. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function newRequestRecord(requestId: string | undefined): RequestRecord {
  const id = requestId && ACCEPTABLE_REQUEST_ID.test(requestId) ? requestId : randomUUID();
  return { id, startedAt: process.hrtime.bigint(), statements: 0 };
}

// A property of the request rather than a WeakMap entry: an ephemeron per request costs the
// young-generation collections more than a field does.
const RECORD = Symbol("newsgraph.requestRecord");

/** Gives `req` its record (the middleware that observes requests, as each arrives). */
export function attachRequestRecord(req: IncomingMessage, record: RequestRecord): void {
  (req as IncomingMessage & { [RECORD]?: RequestRecord })[RECORD] = record;
}

export function requestRecordOf(req: IncomingMessage): RequestRecord | undefined {
  return (req as IncomingMessage & { [RECORD]?: RequestRecord })[RECORD];
}

/** The request each error was raised in, for error formatting, which is given the error alone. */
const errorRequests = new WeakMap<object, RequestRecord>();

/** Notes that `errors` were raised in the request of `record` (see requestOfError). */
export function noteRequestErrors(record: RequestRecord, errors: readonly object[]): void {
  for (const error of errors) errorRequests.set(error, record);
}

export function requestOfError(error: unknown): RequestRecord | undefined {
  return typeof error === "object" && error !== null ? errorRequests.get(error) : undefined;
}

export function elapsedSeconds(record: RequestRecord): number {
  return Number(process.hrtime.bigint() - record.startedAt) / 1e9;
}
