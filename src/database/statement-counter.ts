// Counts the SQL statements the Prisma client sends, in total and per request.
// Counting happens in the driver adapter, below Prisma, so that one Prisma call that becomes
// several statements counts as several: that is what "no N+1" is about.
import { AsyncLocalStorage } from "node:async_hooks";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQueryable } from "@prisma/driver-adapter-utils";

export interface StatementScope {
  statements: number;
}

const requestScope = new AsyncLocalStorage<StatementScope>();
let totalStatements = 0;

/** Runs `fn` with a fresh per-request statement count. */
export function withStatementScope<T>(scope: StatementScope, fn: () => T): T {
  return requestScope.run(scope, fn);
}

export function currentStatementScope(): StatementScope | undefined {
  return requestScope.getStore();
}

export function totalStatementCount(): number {
  return totalStatements;
}

function countStatement(): void {
  totalStatements += 1;
  const scope = requestScope.getStore();
  if (scope) scope.statements += 1;
}

function countQueries<Q extends SqlQueryable>(queryable: Q): Q {
  return new Proxy(queryable, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "queryRaw" || property === "executeRaw") {
        return (...args: unknown[]) => {
          countStatement();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) =>
          countQueries(await (value as (...a: unknown[]) => Promise<SqlQueryable>).apply(target, args));
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Wraps a driver adapter factory so that every statement its connections run is counted. */
export function countingAdapter<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "connect") {
        return async () => countQueries<SqlDriverAdapter>(await target.connect());
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
