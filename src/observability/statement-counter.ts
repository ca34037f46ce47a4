// Counts the SQL statements the server sends, in total and per request, and gives each one to
// the request's trace when it has one (a span per statement, observability/request-trace.ts).
// Prisma's are counted in its driver adapter, below Prisma, so that one Prisma call that becomes
// several statements counts as several: that is what "no N+1" is about.
//
// Which request a statement belongs to: the compiled reads are handed their request's scope
// (runCounted's `scope`). Prisma's statements start deep inside Prisma, where only an
// AsyncLocalStorage can tell, so a request enters its scope when it reaches for Prisma
// (enterStatementScope) and leaves it when it ends. Only then: on Node 20 and 22 an entered
// AsyncLocalStorage runs a promise hook on every promise of the process, 5–10 % of the CPU of a
// small compiled read (docs/performance.md, step 15), so the storage is disabled again whenever
// no request holds it. (Node 24's AsyncContextFrame has no such cost.)
import { AsyncLocalStorage } from "node:async_hooks";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlQueryable } from "@prisma/driver-adapter-utils";

/** Told of each statement of a traced request as it starts; ends what it returns when it is done. */
export interface StatementTracer {
  statement(target: string, sql: string): { end(error?: unknown): void };
}

export interface StatementScope {
  statements: number;
  /** Only for traced requests: without tracing, counting a statement creates nothing. */
  tracer?: StatementTracer;
  /** Only when asked for (plugins/sql-statement-text.ts): each statement's SQL text, as they start. */
  statementTexts?: string[];
  /** Whether the scope holds the storage (enterStatementScope) or has let it go (its request ended). */
  storage?: "held" | "released";
}

const requestScope = new AsyncLocalStorage<StatementScope>();
let totalStatements = 0;
/** Statements per connection target ("primary", "replica-1", ...), for metrics. */
const statementsByTarget = new Map<string, number>();

/** Scopes holding the storage now; at zero it is disabled, and promises cost nothing more. */
let holders = 0;

function hold(scope: StatementScope): void {
  if (scope.storage !== undefined) return;
  scope.storage = "held";
  holders += 1;
}

/** Ends what enterStatementScope or withStatementScope began for `scope`; it enters no more. */
export function releaseStatementScope(scope: StatementScope): void {
  const held = scope.storage === "held";
  scope.storage = "released";
  if (!held) return;
  holders -= 1;
  if (holders === 0) requestScope.disable();
}

/**
 * Statements the current async flow starts from here on (Prisma's) count in `scope`. Called
 * each time a request reaches for Prisma, since its resolvers run in flows of their own; the
 * request calls releaseStatementScope when it ends.
 */
export function enterStatementScope(scope: StatementScope): void {
  // A request that ended (its client went away) while its resolvers still run counts no more.
  if (scope.storage === "released") return;
  hold(scope);
  requestScope.enterWith(scope);
}

/** Runs `fn` with its statements counted in `scope`, then releases the storage. */
export async function withStatementScope<T>(scope: StatementScope, fn: () => Promise<T>): Promise<T> {
  hold(scope);
  try {
    return await requestScope.run(scope, fn);
  } finally {
    releaseStatementScope(scope);
  }
}

export function totalStatementCount(): number {
  return totalStatements;
}

/** Statements counted so far per target (the `label` given to countingAdapter). */
export function statementCountsByTarget(): ReadonlyMap<string, number> {
  return statementsByTarget;
}

/**
 * Counts one statement (in total, under `label`, and for its request: `scope`, else the entered
 * one) and, in a traced request, starts its span: the caller ends what is returned once the
 * statement is done.
 */
export function countStatement(
  label: string,
  sql: string,
  scope: StatementScope | undefined = requestScope.getStore(),
): { end(error?: unknown): void } | undefined {
  totalStatements += 1;
  statementsByTarget.set(label, (statementsByTarget.get(label) ?? 0) + 1);
  if (!scope) return undefined;
  scope.statements += 1;
  scope.statementTexts?.push(sql);
  return scope.tracer?.statement(label, sql);
}

/** Runs a statement counted (and traced) by countStatement. */
export function runCounted<T>(label: string, sql: string, run: () => Promise<T>, scope?: StatementScope): Promise<T> {
  const span = countStatement(label, sql, scope);
  if (!span) return run();
  return run().then(
    (result) => {
      span.end();
      return result;
    },
    (error: unknown) => {
      span.end(error);
      throw error;
    },
  );
}

function countQueries<Q extends SqlQueryable>(queryable: Q, label: string): Q {
  return new Proxy(queryable, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "queryRaw" || property === "executeRaw") {
        return (query: SqlQuery) =>
          runCounted(label, query.sql, () => (value as (q: SqlQuery) => Promise<unknown>).call(target, query));
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) =>
          countQueries(await (value as (...a: unknown[]) => Promise<SqlQueryable>).apply(target, args), label);
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * Wraps a driver adapter factory so that every statement its connections run is counted, in
 * total and under `label` (which pool ran it: "primary", "replica-1", ...).
 */
export function countingAdapter<F extends SqlDriverAdapterFactory>(factory: F, label = "primary"): F {
  return new Proxy(factory, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "connect") {
        return async () => countQueries<SqlDriverAdapter>(await target.connect(), label);
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * Statements that may be prepared once per connection and then reused, skipping PostgreSQL's
 * parse and plan on every later run (about a millisecond for the large JSON-building reads):
 * their text starts with this marker. Only statements of a fixed shape carry it (every value a
 * parameter, a list one array parameter), so each connection keeps a bounded set of them.
 */
export const PREPARED_STATEMENT_MARKER = "/* prepared */ ";

/** A bound on the names handed out, whatever queries clients send; later ones run unnamed. */
const MAX_PREPARED_STATEMENTS = 200;
const preparedNames = new Map<string, string>();

/** A stable name for a marked statement, "" (an unnamed statement, planned each time) for any other. */
export function preparedStatementName(sql: string): string {
  if (!sql.startsWith(PREPARED_STATEMENT_MARKER)) return "";
  let name = preparedNames.get(sql);
  if (name === undefined && preparedNames.size < MAX_PREPARED_STATEMENTS) {
    name = `newsgraph_${preparedNames.size + 1}`;
    preparedNames.set(sql, name);
  }
  return name ?? "";
}
