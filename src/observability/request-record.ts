// What the server knows about the request it is serving, wherever it is in the call chain: its
// id, when it started, and (for GraphQL) the operation and the error codes it answered with.
// The logging and metrics middleware reads it when the response is done.
import { AsyncLocalStorage } from "node:async_hooks";
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

const current = new AsyncLocalStorage<RequestRecord>();

/** A request id from a client or proxy is kept when it is short and plain; otherwise one is made. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function newRequestRecord(requestId: string | undefined): RequestRecord {
  const id = requestId && ACCEPTABLE_REQUEST_ID.test(requestId) ? requestId : randomUUID();
  return { id, startedAt: process.hrtime.bigint(), statements: 0 };
}

export function runWithRequestRecord<T>(record: RequestRecord, fn: () => T): T {
  return current.run(record, fn);
}

export function currentRequestRecord(): RequestRecord | undefined {
  return current.getStore();
}

export function elapsedSeconds(record: RequestRecord): number {
  return Number(process.hrtime.bigint() - record.startedAt) / 1e9;
}
